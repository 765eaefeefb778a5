import { useEffect, useRef, useState } from 'react'
import { Alert, Button, Group, Stack, Stepper, Title } from '@mantine/core'
import type { Packet, PacketListItem } from '../../../shared/library/schemas'
import { isFinishedState } from '../../../shared/rules/packet-state'
import type { Plan } from '../../../shared/rules/types'
import { useApi } from '../api/ApiContext'
import { useLiveVersion } from '../api/LiveRefresh'
import { messageOf } from '../hooks/useLoad'
import { findLoaded, useStaleGuard } from '../hooks/useStaleGuard'
import { useI18n } from '../i18n/I18nProvider'
import { StaleAlert } from '../library/StaleAlert'
import { AccountStep } from './AccountStep'
import { CheckStep } from './CheckStep'
import { draftOf, emptyDraft, toInput, type Draft } from './draft'
import { IndustryStep } from './IndustryStep'
import { OtherStep } from './OtherStep'
import { PrerequisitesStep } from './PrerequisitesStep'
import { ExportPanel } from './ExportPanel'
import { SubmissionsPanel } from './SubmissionsPanel'

/** The wizard's step index of 行业资质. */
const INDUSTRY_STEP = 2

/** Where a packet opens: a finished one (submitted, approved, exported) at 检查, others at 前提. */
export function openingStep(packet: PacketListItem): number {
  return isFinishedState(packet.state.kind) ? 4 : 0
}

/**
 * The platform's form, step by step: 前提 → 账号信息 → 行业资质 → 其他资质 → 检查 → 导出.
 * `packet`: the packet opened (null: a new one); its version is what the autosaves are made from.
 * `initialStep`: where it opens (the list opens a finished packet at 检查, issue 13 item 7).
 */
export function PacketWizard(props: {
  packet: Packet | null
  initialStep?: number
  onClose: () => void
}) {
  const api = useApi()
  const { pick } = useI18n()
  const [draft, setDraft] = useState<Draft>(() =>
    props.packet ? draftOf(props.packet) : emptyDraft(),
  )
  const [active, setActive] = useState(props.packet ? (props.initialStep ?? 0) : 0)
  const [error, setError] = useState<string | null>(null)
  const [plan, setPlan] = useState<{
    plan: Plan
    asOf: string
    formProblems: string[]
  } | null>(null)
  const [planError, setPlanError] = useState<string | null>(null)
  const [planVersion, setPlanVersion] = useState(0)
  // The check step's plan follows the library (a document imported in another window, another
  // clerk's fix); the draft is the clerk's own form and is never reloaded under them.
  const changes = useLiveVersion()

  /** Saves are debounced: one save (and one plan) per pause in typing, not per keystroke. */
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)

  // Autosaves are made from the version last loaded or saved; one refused as stale (another
  // clerk or window changed the packet) leaves the draft as typed until 重新加载.
  const guard = useStaleGuard({
    initial: props.packet,
    fetch: async () => findLoaded(await api['packets.list']({}), draft.id),
    show: (packet) => {
      if (timer.current) clearTimeout(timer.current)
      setDraft(draftOf(packet))
      setPlanVersion((v) => v + 1)
    },
  })

  /** Every change after the first save is saved, and the plan recomputed. */
  const save = async (next: Draft): Promise<Draft | null> => {
    setError(null)
    if (!next.applicantCompanyId || !next.accountName.trim()) return next
    try {
      const saved = await guard.save((from) => api['packets.save']({ ...toInput(next), ...from }))
      if (!saved) return null
      // Merge only the id: the user may have typed on while the save was in flight.
      setDraft((current) => ({ ...current, id: saved.id }))
      setPlanVersion((v) => v + 1)
      return { ...next, id: saved.id }
    } catch (e) {
      setError(messageOf(e))
      return null
    }
  }

  const change = (next: Draft) => {
    setDraft(next)
    if (!next.id) return
    if (timer.current) clearTimeout(timer.current)
    timer.current = setTimeout(() => void save(next), 400)
  }

  const packetId = draft.id
  useEffect(() => {
    if (!packetId) return
    let live = true
    api['packets.plan']({ id: packetId }).then(
      (p) => {
        if (!live) return
        setPlanError(null)
        setPlan(p)
      },
      (e: unknown) => {
        if (live) setPlanError(messageOf(e))
      },
    )
    return () => {
      live = false
    }
  }, [api, packetId, planVersion, changes])

  const goTo = async (step: number) => {
    // The platform's form requires at least one 推广行业: do not leave step 3 without one.
    if (active === INDUSTRY_STEP && step > INDUSTRY_STEP && draft.industries.length === 0) {
      setError(
        pick(
          '请至少选择一个推广行业（一级/二级），平台表单要求必填。',
          'Choose at least one industry (primary/secondary): the platform’s form requires it.',
        ),
      )
      return
    }
    setError(null)
    if (step >= 2 && !draft.id) {
      if (!draft.applicantCompanyId || !draft.accountName.trim()) {
        setError(
          pick(
            '请先选择申请主体并填写账号名字。',
            'Choose the applicant and enter the account name first.',
          ),
        )
        setActive(1)
        return
      }
      const saved = await save(draft)
      if (!saved) return
    }
    setActive(step)
  }

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{draft.accountName || pick('新资质包', 'New packet')}</Title>
        <Button variant="default" onClick={props.onClose}>
          {pick('返回列表', 'Back to list')}
        </Button>
      </Group>
      <StaleAlert guard={guard} />
      <Stepper active={active} onStepClick={(s) => void goTo(s)} allowNextStepsSelect size="sm">
        <Stepper.Step label={pick('前提', 'Prerequisites')}>
          <PrerequisitesStep draft={draft} onChange={change} />
        </Stepper.Step>
        <Stepper.Step label={pick('账号信息', 'Account')}>
          <AccountStep draft={draft} onChange={change} />
        </Stepper.Step>
        <Stepper.Step label={pick('行业资质', 'Industry')}>
          <IndustryStep draft={draft} onChange={change} />
        </Stepper.Step>
        <Stepper.Step label={pick('其他资质', 'Other')}>
          <OtherStep draft={draft} onChange={change} />
        </Stepper.Step>
        <Stepper.Step label={pick('检查', 'Check')}>
          <CheckStep
            draft={draft}
            plan={plan?.plan ?? null}
            asOf={plan?.asOf ?? null}
            formProblems={plan?.formProblems ?? []}
            error={planError}
            onChanged={() => setPlanVersion((v) => v + 1)}
          />
        </Stepper.Step>
        <Stepper.Step label={pick('导出', 'Export')}>
          <Stack>
            {draft.id && <ExportPanel packetId={draft.id} plan={plan?.plan ?? null} />}
            {draft.id && <SubmissionsPanel packetId={draft.id} today={plan?.asOf ?? ''} />}
          </Stack>
        </Stepper.Step>
      </Stepper>
      {error && <Alert color="red">{error}</Alert>}
      <Group justify="space-between">
        <Button variant="default" disabled={active === 0} onClick={() => setActive(active - 1)}>
          {pick('上一步', 'Back')}
        </Button>
        <Button disabled={active >= 5} onClick={() => void goTo(active + 1)}>
          {pick('下一步', 'Next')}
        </Button>
      </Group>
    </Stack>
  )
}
