import { useState } from 'react'
import { Select, TextInput, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { todayIn } from '../../../shared/dates'
import { ID_DOCUMENT_KIND_LABELS, pickLabel } from '../../../shared/i18n/labels'
import {
  personInputSchema,
  type PersonInput,
  type PersonSummary,
} from '../../../shared/library/schemas'
import {
  ID_DOCUMENT_TYPES,
  validateIdDocument,
  type IdDocumentType,
} from '../../../shared/validators'
import { useApi } from '../api/ApiContext'
import { findLoaded, useStaleGuard } from '../hooks/useStaleGuard'
import { useI18n } from '../i18n/I18nProvider'
import { FormModal } from './FormModal'
import { zodValidate } from './zodValidate'

interface Values {
  name: string
  idType: IdDocumentType
  /** Never the stored number: what the user types to replace it. */
  idNumber: string
  nationality: string
  notes: string
}

function valuesOf(p: PersonSummary | null): Values {
  return {
    name: p?.name ?? '',
    idType: p?.idType ?? 'resident_id',
    idNumber: '',
    nationality: p?.nationality ?? '',
    notes: p?.notes ?? '',
  }
}

function toInput(values: Values, person: PersonSummary | null): PersonInput {
  const number = values.idNumber.trim()
  return {
    ...(person ? { id: person.id } : {}),
    name: values.name,
    // Editing without typing a number keeps the stored one (never sent to the page).
    ...(number
      ? { idType: values.idType, idNumber: number }
      : person
        ? {}
        : { idType: null, idNumber: null }),
    nationality: values.nationality,
    notes: values.notes,
  }
}

/** Editing never shows the stored number: a new number replaces it; empty keeps none. */
export function PersonForm(props: {
  person: PersonSummary | null
  opened: boolean
  /** The saved record (its new version), or null when cancelled. */
  onClose: (saved: PersonSummary | null) => void
}) {
  const api = useApi()
  const { pick, language } = useI18n()
  // The record the form was opened from, not the live list's latest copy (see CompanyForm).
  const [p, setLoaded] = useState(props.person)
  const form = useForm<Values, PersonInput>({
    initialValues: valuesOf(p),
    validate: zodValidate(personInputSchema, (v: Values) => toInput(v, p)),
    transformValues: (v) => toInput(v, p),
  })
  const guard = useStaleGuard({
    initial: p,
    fetch: async () => findLoaded(await api['persons.list']({}), p?.id),
    show: (person) => {
      setLoaded(person)
      form.setValues(valuesOf(person))
    },
  })
  const { idType, idNumber } = form.values
  const check = idNumber.trim() ? validateIdDocument(idType, idNumber, todayIn()) : null

  const save = async () => {
    if (form.validate().hasErrors) return
    const input = form.getTransformedValues()
    const saved = await guard.save((from) => api['persons.save']({ ...input, ...from }))
    if (saved) props.onClose(saved)
  }

  return (
    <FormModal
      opened={props.opened}
      onCancel={() => props.onClose(null)}
      onSave={save}
      stale={guard}
      title={p ? pick('编辑自然人', 'Edit person') : pick('新建自然人', 'New person')}
    >
      <TextInput label={pick('姓名', 'Name')} required {...form.getInputProps('name')} />
      <Select
        label={pick('证件类型', 'ID document')}
        data={ID_DOCUMENT_TYPES.map((t) => ({
          value: t,
          label: pickLabel(ID_DOCUMENT_KIND_LABELS[t].name, language),
        }))}
        {...form.getInputProps('idType')}
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
        {...form.getInputProps('idNumber')}
        // Checked as you type; saving an invalid number is refused by the backend, as before.
        error={form.errors.idNumber ?? (check && !check.valid ? check.reason : undefined)}
        description={check?.valid ? (check.reason ?? pick('号码有效', 'Valid number')) : undefined}
        autoComplete="off"
      />
      <TextInput label={pick('国籍/地区', 'Nationality')} {...form.getInputProps('nationality')} />
      <Textarea label={pick('备注', 'Notes')} autosize {...form.getInputProps('notes')} />
    </FormModal>
  )
}
