import { useState } from 'react'
import { Group, NumberInput, Select, TextInput, Textarea } from '@mantine/core'
import type { Company, PersonSummary, Trademark } from '../../../shared/library/schemas'
import { validateTrademarkNo } from '../../../shared/validators/trademark-no'
import { useApi } from '../api/ApiContext'
import { FormModal } from './FormModal'

import { useI18n } from '../i18n/I18nProvider'

type Status = Trademark['status']

export function TrademarkForm(props: {
  trademark: Trademark | null
  companies: Company[]
  persons: PersonSummary[]
  opened: boolean
  onClose: (saved: boolean) => void
}) {
  const api = useApi()
  const { pick } = useI18n()
  const t = props.trademark
  const [text, setText] = useState(t?.text ?? '')
  const [regNo, setRegNo] = useState(t?.regNo ?? '')
  const [klass, setKlass] = useState<number | string>(t?.class ?? '')
  const [registrant, setRegistrant] = useState<string | null>(
    t ? `${t.registrant.kind}:${t.registrant.id}` : null,
  )
  const [status, setStatus] = useState<Status>(t?.status ?? 'registered')
  const [validUntil, setValidUntil] = useState(t?.validUntil ?? '')
  const [acceptanceDate, setAcceptanceDate] = useState(t?.acceptanceDate ?? '')
  const [transferee, setTransferee] = useState<string | null>(t?.transfereeCompanyId ?? null)
  const [differs, setDiffers] = useState<string>(t?.officialRegistrantDiffers ?? 'none')
  const [notes, setNotes] = useState(t?.notes ?? '')
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
    const [kind, id] = (registrant ?? ':').split(/:(.*)/s)
    await api['trademarks.save']({
      ...(t ? { id: t.id } : {}),
      text,
      regNo,
      class: typeof klass === 'number' ? klass : null,
      registrant: { kind: kind === 'person' ? 'person' : 'company', id: id ?? '' },
      status,
      validUntil: validUntil || null,
      acceptanceDate: status === 'application_accepted' ? acceptanceDate || null : null,
      transfereeCompanyId: status === 'transfer_accepted' ? transferee : null,
      officialRegistrantDiffers: differs === 'change' || differs === 'transfer' ? differs : null,
      notes,
    })
    props.onClose(true)
  }

  return (
    <FormModal
      opened={props.opened}
      onCancel={() => props.onClose(false)}
      onSave={save}
      title={t ? pick('编辑商标', 'Edit trademark') : pick('新建商标', 'New trademark')}
    >
      <TextInput
        label={pick('商标字符（按注册证）', 'Mark characters (as on the certificate)')}
        required
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <Group grow>
        <TextInput
          label={pick('注册号', 'Registration no.')}
          value={regNo}
          onChange={(e) => setRegNo(e.currentTarget.value)}
          error={regCheck && !regCheck.valid ? regCheck.reason : undefined}
        />
        <NumberInput
          label={pick('类别', 'Class')}
          min={1}
          max={45}
          value={klass}
          onChange={setKlass}
        />
      </Group>
      <Select
        label={pick('注册人', 'Registrant')}
        data={owners}
        value={registrant}
        onChange={setRegistrant}
        searchable
        required
      />
      <Select
        label={pick('状态', 'Status')}
        data={[
          { value: 'registered', label: pick('已注册', 'Registered') },
          {
            value: 'application_accepted',
            label: pick('注册申请已受理', 'Application accepted'),
          },
          { value: 'transfer_accepted', label: pick('转让申请已受理', 'Transfer accepted') },
        ]}
        value={status}
        onChange={(v) => setStatus(v ?? 'registered')}
        allowDeselect={false}
      />
      <TextInput
        type="date"
        label={pick('注册有效期至', 'Valid until')}
        value={validUntil}
        onChange={(e) => setValidUntil(e.currentTarget.value)}
      />
      {status === 'application_accepted' && (
        <TextInput
          type="date"
          required
          label={pick('受理通知书盖章受理日期', 'Acceptance stamp date')}
          value={acceptanceDate}
          onChange={(e) => setAcceptanceDate(e.currentTarget.value)}
        />
      )}
      {status === 'transfer_accepted' && (
        <Select
          label={pick('受让方', 'Transferee')}
          data={props.companies.map((c) => ({ value: c.id, label: c.name }))}
          value={transferee}
          onChange={setTransferee}
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
        value={differs}
        onChange={(v) => setDiffers(v ?? 'none')}
        allowDeselect={false}
      />
      <Textarea
        label={pick('备注', 'Notes')}
        autosize
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
      />
    </FormModal>
  )
}
