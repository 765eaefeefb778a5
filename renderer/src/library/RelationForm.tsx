import { useState } from 'react'
import { Group, Select, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { pickLabel, RELATION_TYPE_LABELS } from '../../../shared/i18n/labels'
import {
  RELATION_TYPES,
  relationInputSchema,
  type Company,
  type PersonSummary,
  type Relation,
  type RelationInput,
} from '../../../shared/library/schemas'
import { useApi } from '../api/ApiContext'
import { findLoaded, useStaleGuard } from '../hooks/useStaleGuard'
import { useI18n } from '../i18n/I18nProvider'
import { FormModal } from './FormModal'
import { zodValidate } from './zodValidate'
import { DateField } from '../ui/DateField'

interface Values {
  type: Relation['type']
  /** "company:<id>" or "person:<id>", as the select holds it. */
  from: string | null
  toCompanyId: string | null
  validFrom: string
  validUntil: string
  notes: string
}

function valuesOf(r: Relation | null): Values {
  return {
    type: r?.type ?? 'authorization',
    from: r ? `${r.from.kind}:${r.from.id}` : null,
    toCompanyId: r?.to.id ?? null,
    validFrom: r?.validFrom ?? '',
    validUntil: r?.validUntil ?? '',
    notes: r?.notes ?? '',
  }
}

function toInput(values: Values, id: string | undefined): RelationInput {
  const [kind, fromId] = (values.from ?? ':').split(/:(.*)/s)
  return {
    ...(id ? { id } : {}),
    type: values.type,
    from: { kind: kind === 'person' ? 'person' : 'company', id: fromId ?? '' },
    toCompanyId: values.toCompanyId ?? '',
    validFrom: values.validFrom || null,
    validUntil: values.validUntil || null,
    notes: values.notes,
  }
}

export function RelationForm(props: {
  relation: Relation | null
  companies: Company[]
  persons: PersonSummary[]
  opened: boolean
  /** The saved record (its new version), or null when cancelled. */
  onClose: (saved: Relation | null) => void
}) {
  const api = useApi()
  const { pick, language } = useI18n()
  // The record the form was opened from, not the live list's latest copy (see CompanyForm).
  const [r, setLoaded] = useState(props.relation)
  const form = useForm<Values, RelationInput>({
    initialValues: valuesOf(r),
    validate: zodValidate(relationInputSchema, (v: Values) => toInput(v, r?.id)),
    transformValues: (v) => toInput(v, r?.id),
  })
  const guard = useStaleGuard({
    initial: r,
    fetch: async () => findLoaded(await api['relations.list']({}), r?.id),
    show: (record) => {
      setLoaded(record)
      form.setValues(valuesOf(record))
    },
  })
  const { type } = form.values
  // Only an authorization may be granted by a person.
  const fromOptions = [
    ...props.companies.map((c) => ({ value: `company:${c.id}`, label: c.name })),
    ...(type === 'authorization'
      ? props.persons.map((p) => ({
          value: `person:${p.id}`,
          label: `${p.name}（${pick('自然人', 'person')}）`,
        }))
      : []),
  ]

  const save = async () => {
    if (form.validate().hasErrors) return
    const input = form.getTransformedValues()
    const saved = await guard.save((from) => api['relations.save']({ ...input, ...from }))
    if (saved) props.onClose(saved)
  }

  return (
    <FormModal
      opened={props.opened}
      onCancel={() => props.onClose(null)}
      onSave={save}
      stale={guard}
      title={r ? pick('编辑关系', 'Edit relation') : pick('新建关系', 'New relation')}
    >
      <Select
        label={pick('关系类型', 'Type')}
        data={RELATION_TYPES.map((k) => ({
          value: k,
          label: pickLabel(RELATION_TYPE_LABELS[k].name, language),
        }))}
        {...form.getInputProps('type')}
        description={pickLabel(RELATION_TYPE_LABELS[type].direction, language)}
        allowDeselect={false}
      />
      <Select
        label={type === 'parent_subsidiary' ? pick('母公司', 'Parent') : pick('授权方', 'Grantor')}
        data={fromOptions}
        {...form.getInputProps('from')}
        searchable
        required
      />
      <Select
        label={
          type === 'parent_subsidiary' ? pick('子公司', 'Subsidiary') : pick('被授权方', 'Grantee')
        }
        data={props.companies.map((c) => ({ value: c.id, label: c.name }))}
        {...form.getInputProps('toCompanyId')}
        searchable
        required
      />
      <Group grow>
        <DateField label={pick('有效期自', 'Valid from')} {...form.getInputProps('validFrom')} />
        <DateField label={pick('有效期至', 'Valid until')} {...form.getInputProps('validUntil')} />
      </Group>
      <Textarea label={pick('备注', 'Notes')} autosize {...form.getInputProps('notes')} />
    </FormModal>
  )
}
