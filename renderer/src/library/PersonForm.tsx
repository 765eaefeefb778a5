import { useState } from 'react'
import { Select, TextInput, Textarea } from '@mantine/core'
import { todayIn } from '../../../shared/dates'
import type { PersonSummary } from '../../../shared/library/schemas'
import {
  ID_DOCUMENT_LABELS,
  ID_DOCUMENT_TYPES,
  validateIdDocument,
  type IdDocumentType,
} from '../../../shared/validators'
import { useApi } from '../api/ApiContext'
import { FormModal } from './FormModal'

import { useI18n } from '../i18n/I18nProvider'

/** Editing never shows the stored number: a new number replaces it; empty keeps none. */
export function PersonForm(props: {
  person: PersonSummary | null
  opened: boolean
  onClose: (saved: boolean) => void
}) {
  const api = useApi()
  const { pick } = useI18n()
  const p = props.person
  const [name, setName] = useState(p?.name ?? '')
  const [idType, setIdType] = useState<IdDocumentType>(p?.idType ?? 'resident_id')
  const [idNumber, setIdNumber] = useState('')
  const [nationality, setNationality] = useState(p?.nationality ?? '')
  const [notes, setNotes] = useState(p?.notes ?? '')
  const check = idNumber.trim() ? validateIdDocument(idType, idNumber, todayIn()) : null

  const save = async () => {
    const number = idNumber.trim()
    await api['persons.save']({
      ...(p ? { id: p.id } : {}),
      name,
      // Editing without typing a number keeps the stored one (never sent to the page).
      ...(number ? { idType, idNumber: number } : p ? {} : { idType: null, idNumber: null }),
      nationality,
      notes,
    })
    props.onClose(true)
  }

  return (
    <FormModal
      opened={props.opened}
      onCancel={() => props.onClose(false)}
      onSave={save}
      title={p ? pick('编辑自然人', 'Edit person') : pick('新建自然人', 'New person')}
    >
      <TextInput
        label={pick('姓名', 'Name')}
        required
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
      />
      <Select
        label={pick('证件类型', 'ID document')}
        data={ID_DOCUMENT_TYPES.map((t) => ({ value: t, label: ID_DOCUMENT_LABELS[t] }))}
        value={idType}
        onChange={(v) => setIdType(v ?? 'resident_id')}
        allowDeselect={false}
      />
      <TextInput
        label={pick('证件号码', 'Document number')}
        placeholder={
          p?.idNumberMasked
            ? pick(
                `已登记 ${p.idNumberMasked}，留空则保持不变`,
                `On file ${p.idNumberMasked}; leave empty to keep`,
              )
            : ''
        }
        value={idNumber}
        onChange={(e) => setIdNumber(e.currentTarget.value)}
        error={check && !check.valid ? check.reason : undefined}
        description={check?.valid ? (check.reason ?? pick('号码有效', 'Valid number')) : undefined}
        autoComplete="off"
      />
      <TextInput
        label={pick('国籍/地区', 'Nationality')}
        value={nationality}
        onChange={(e) => setNationality(e.currentTarget.value)}
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
