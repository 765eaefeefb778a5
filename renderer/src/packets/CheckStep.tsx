import { Alert, Button, Group, Stack, Text } from '@mantine/core'
import { specOf } from '../../../shared/rules/requirement-derive'
import { isAnyOf, type Plan } from '../../../shared/rules/types'
import { useI18n } from '../i18n/I18nProvider'
import { PlanSummary } from './check/PlanSummary'
import { PlanTable } from './check/PlanTable'
import { TargetDialogs } from './check/TargetDialogs'
import { useLetterBatch } from './check/useLetterBatch'
import { useRequirementTarget } from './check/useRequirementTarget'
import { useSubjectLabel } from './check/useSubjectLabel'
import type { Draft } from './draft'

/** 检查: the plan of the packet, with a button per requirement to import or generate it. */
export function CheckStep(props: {
  draft: Draft
  plan: Plan | null
  asOf: string | null
  formProblems: string[]
  error: string | null
  onChanged: () => void
}) {
  const { pick } = useI18n()
  const subjectLabel = useSubjectLabel()
  const targets = useRequirementTarget(props.draft.id)
  const letters = useLetterBatch(props.draft.id, props.onChanged)
  const { plan } = props

  if (props.error) return <Alert color="red">{props.error}</Alert>
  if (!plan) return <Text c="dimmed">{pick('正在计算…', 'Computing…')}</Text>

  const lettersWanted = plan.requirements.some(
    (r) =>
      (isAnyOf(r) ? r.anyOf : [r]).some((ref) => specOf(ref.id)?.letter) &&
      r.status !== 'satisfied' &&
      r.status !== 'fixable',
  )
  return (
    <Stack>
      <PlanSummary plan={plan} asOf={props.asOf} formProblems={props.formProblems} />
      {lettersWanted && (
        <Group>
          <Button variant="light" loading={letters.running} onClick={() => void letters.run()}>
            {pick('生成全部授权书', 'Generate all letters')}
          </Button>
          {letters.result && (
            <Text size="sm" data-testid="letter-batch">
              {pick(
                `已生成 ${letters.result.generated} 份`,
                `${letters.result.generated} generated`,
              )}
            </Text>
          )}
        </Group>
      )}
      {letters.result?.failures.map((f) => (
        <Text key={f} size="sm" c="red">
          {f}
        </Text>
      ))}
      {targets.error && <Alert color="red">{targets.error}</Alert>}
      <PlanTable
        plan={plan}
        subjectLabel={subjectLabel}
        onOpen={(ref) => void targets.openRequirement(ref)}
        busy={targets.busy}
        packet={
          props.draft.id && props.draft.applicantCompanyId
            ? { id: props.draft.id, applicantCompanyId: props.draft.applicantCompanyId }
            : undefined
        }
      />
      {plan.warnings.length > 0 && (
        <Alert color="yellow" title={pick('提醒', 'Warnings')}>
          <Stack gap={2}>
            {plan.warnings.map((w) => (
              <Text key={`${w.rule}${w.subject}${w.message}`} size="sm">
                {w.message}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      <TargetDialogs
        targets={targets}
        packetId={props.draft.id}
        subjectLabel={subjectLabel}
        onChanged={props.onChanged}
      />
    </Stack>
  )
}
