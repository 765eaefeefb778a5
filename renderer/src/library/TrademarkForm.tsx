import { useState } from 'react'
import { Alert, Group, NumberInput, Select, TextInput, Textarea } from '@mantine/core'
import { daysBetween, isIsoDate, todayIn } from '../../../shared/dates'
import { useForm } from '@mantine/form'
import { pickLabel, TRADEMARK_STATUS_LABELS } from '../../../shared/i18n/labels'
import {
  TRADEMARK_STATUSES,
  trademarkInputSchema,
  type Company,
  type PersonSummary,
  type Trademark,
  type TrademarkInput,
} from '../../../shared/library/schemas'
import { validateTrademarkNo } from '../../../shared/validators/trademark-no'
import { useApi } from '../api/ApiContext'
import { findLoaded, useStaleGuard } from '../hooks/useStaleGuard'
import { useI18n } from '../i18n/I18nProvider'
import { FormModal } from './FormModal'
import { TrademarkLookup } from './TrademarkLookup'
import { zodValidate } from './zodValidate'
import { DateField } from '../ui/DateField'

interface Values {
  text: string
  regNo: string
  /** NumberInput gives '' when empty. */
  class: number | string
  /** "company:<id>" or "person:<id>", as the select holds it. */
  registrant: string | null
  status: Trademark['status']
  validUntil: string
  acceptanceDate: string
  transfereeCompanyId: string | null
  officialRegistrantDiffers: 'none' | 'change' | 'transfer'
  /** 查询日期, YYYY-MM-DD or '' (issue 13 item 16). */
  queryDate: string
  notes: string
}

function valuesOf(t: Trademark | null): Values {
  return {
    text: t?.text ?? '',
    regNo: t?.regNo ?? '',
    class: t?.class ?? '',
    registrant: t ? `${t.registrant.kind}:${t.registrant.id}` : null,
    status: t?.status ?? 'registered',
    validUntil: t?.validUntil ?? '',
    acceptanceDate: t?.acceptanceDate ?? '',
    transfereeCompanyId: t?.transfereeCompanyId ?? null,
    officialRegistrantDiffers: t?.officialRegistrantDiffers ?? 'none',
    queryDate: t?.queryDate ?? '',
    notes: t?.notes ?? '',
  }
}

function toInput(values: Values, id: string | undefined): TrademarkInput {
  const [kind, ownerId] = (values.registrant ?? ':').split(/:(.*)/s)
  const { status, officialRegistrantDiffers: differs } = values
  return {
    ...(id ? { id } : {}),
    text: values.text,
    regNo: values.regNo,
    class: typeof values.class === 'number' ? values.class : null,
    registrant: { kind: kind === 'person' ? 'person' : 'company', id: ownerId ?? '' },
    status,
    validUntil: values.validUntil || null,
    // Fields of another status are not shown, so they are not sent either.
    acceptanceDate: status === 'application_accepted' ? values.acceptanceDate || null : null,
    transfereeCompanyId: status === 'transfer_accepted' ? values.transfereeCompanyId : null,
    officialRegistrantDiffers: differs === 'none' ? null : differs,
    queryDate: values.queryDate.trim() || null,
    notes: values.notes,
  }
}

export function TrademarkForm(props: {
  trademark: Trademark | null
  companies: Company[]
  persons: PersonSummary[]
  opened: boolean
  /** The saved record (its new version), or null when cancelled. */
  onClose: (saved: Trademark | null) => void
}) {
  const api = useApi()
  const { pick, language } = useI18n()
  // The record the form was opened from, not the live list's latest copy (see CompanyForm).
  const [t, setLoaded] = useState(props.trademark)
  const form = useForm<Values, TrademarkInput>({
    initialValues: valuesOf(t),
    validate: zodValidate(trademarkInputSchema, (v: Values) => toInput(v, t?.id)),
    transformValues: (v) => toInput(v, t?.id),
  })
  const guard = useStaleGuard({
    initial: t,
    fetch: async () => findLoaded(await api['trademarks.list']({}), t?.id),
    show: (record) => {
      setLoaded(record)
      form.setValues(valuesOf(record))
    },
  })
  const { status, regNo, validUntil } = form.values
  // An expired registration is warned about on save (issue 13 item 11): the first 保存 shows the
  // warning, the second saves it as typed (a renewal may be on its way).
  const today = todayIn()
  const expiredDays =
    isIsoDate(validUntil) && validUntil < today ? daysBetween(validUntil, today) : 0
  const [warnedFor, setWarnedFor] = useState<string | null>(null)
  const regCheck = regNo.trim() ? validateTrademarkNo(regNo) : null

  const owners = [
    ...props.companies.map((c) => ({
      value: `company:${c.id}`,
      label: `${c.name}（${pick('公司', 'company')}）`,
    })),
    ...props.persons.map((p) => ({
      value: `person:${p.id}`,
      label: `${p.name}（${pick('自然人', 'person')}）`,
    })),
  ]

  const save = async () => {
    if (form.validate().hasErrors) return
    if (expiredDays > 0 && warnedFor !== validUntil) {
      setWarnedFor(validUntil)
      return
    }
    const input = form.getTransformedValues()
    const saved = await guard.save((from) => api['trademarks.save']({ ...input, ...from }))
    if (saved) props.onClose(saved)
  }

  return (
    <FormModal
      opened={props.opened}
      onCancel={() => props.onClose(null)}
      onSave={save}
      stale={guard}
      title={t ? pick('编辑商标', 'Edit trademark') : pick('新建商标', 'New trademark')}
    >
      <TextInput
        label={pick('商标字符（按注册证）', 'Mark characters (as on the certificate)')}
        required
        {...form.getInputProps('text')}
      />
      <Group grow>
        <TextInput
          label={pick('注册号', 'Registration no.')}
          {...form.getInputProps('regNo')}
          // Checked as you type; the backend decides on save, as before.
          error={form.errors.regNo ?? (regCheck && !regCheck.valid ? regCheck.reason : undefined)}
        />
        <NumberInput
          label={pick('类别', 'Class')}
          min={1}
          max={45}
          {...form.getInputProps('class')}
        />
      </Group>
      <Select
        label={pick('注册人', 'Registrant')}
        data={owners}
        {...form.getInputProps('registrant')}
        searchable
        required
      />
      <Select
        label={pick('状态', 'Status')}
        data={TRADEMARK_STATUSES.map((s) => ({
          value: s,
          label: pickLabel(TRADEMARK_STATUS_LABELS[s], language),
        }))}
        {...form.getInputProps('status')}
        allowDeselect={false}
      />
      <DateField
        label={pick('注册有效期至', 'Valid until')}
        {...form.getInputProps('validUntil')}
      />
      {expiredDays > 0 && warnedFor === validUntil && (
        <Alert color="orange" data-testid="trademark-expired-warning">
          {pick(
            `注册有效期至 ${validUntil}，已过期 ${expiredDays} 天：过期的商标注册证不能作为资质材料（须有核准续展证明）。确认无误，请再点一次“保存”。`,
            `The registration expired on ${validUntil} (${expiredDays} days ago): an expired certificate does not count without an approved renewal proof. If this is right, click Save again.`,
          )}
        </Alert>
      )}
      {status === 'application_accepted' && (
        <DateField
          required
          label={pick('受理通知书盖章受理日期', 'Acceptance stamp date')}
          {...form.getInputProps('acceptanceDate')}
        />
      )}
      {status === 'transfer_accepted' && (
        <Select
          label={pick('受让方', 'Transferee')}
          data={props.companies.map((c) => ({ value: c.id, label: c.name }))}
          {...form.getInputProps('transfereeCompanyId')}
          required
        />
      )}
      <Select
        label={pick(
          '官网注册人与注册证不一致？',
          'Official registrant differs from the certificate?',
        )}
        data={[
          { value: 'none', label: pick('一致', 'No') },
          { value: 'change', label: pick('因变更不一致', 'Yes, by change') },
          { value: 'transfer', label: pick('因转让不一致', 'Yes, by transfer') },
        ]}
        {...form.getInputProps('officialRegistrantDiffers')}
        allowDeselect={false}
      />
      <TrademarkLookup
        regNo={regNo}
        onLookedUp={() => {
          if (form.values.queryDate.trim() === '') form.setFieldValue('queryDate', todayIn())
        }}
      >
        <DateField
          label={pick('查询日期', 'Query date')}
          description={pick(
            '最近一次在商标局网站查询该商标的日期',
            'When the mark was last looked up on the trademark office site',
          )}
          placeholder="YYYY-MM-DD"
          w={260}
          {...form.getInputProps('queryDate')}
        />
      </TrademarkLookup>
      <Textarea label={pick('备注', 'Notes')} autosize {...form.getInputProps('notes')} />
    </FormModal>
  )
}
