import { useState } from 'react'
import { Group, Select, TextInput, Textarea } from '@mantine/core'
import type { Company, PersonSummary, Relation } from '../../../shared/library/schemas'
import { useApi } from '../api/ApiContext'
import { FormModal } from './FormModal'

import { useI18n } from '../i18n/I18nProvider'

export const RELATION_TYPE_LABELS: Record<Relation['type'], { zh: string; en: string }> = {
  authorization: { zh: '授权（授权书）', en: 'Authorization' },
  general_agency: { zh: '总代授权', en: 'General agency' },
  parent_subsidiary: { zh: '母子公司（母公司 → 子公司）', en: 'Parent → subsidiary' },
}

export function RelationForm(props: {
  relation: Relation | null
  companies: Company[]
  persons: PersonSummary[]
  opened: boolean
  onClose: (saved: boolean) => void
}) {
  const api = useApi()
  const { pick } = useI18n()
  const r = props.relation
  const [type, setType] = useState<Relation['type']>(r?.type ?? 'authorization')
  const [from, setFrom] = useState<string | null>(r ? `${r.from.kind}:${r.from.id}` : null)
  const [to, setTo] = useState<string | null>(r?.to.id ?? null)
  const [validFrom, setValidFrom] = useState(r?.validFrom ?? '')
  const [validUntil, setValidUntil] = useState(r?.validUntil ?? '')
  const [notes, setNotes] = useState(r?.notes ?? '')
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
    const [kind, id] = (from ?? ':').split(/:(.*)/s)
    await api['relations.save']({
      ...(r ? { id: r.id } : {}),
      type,
      from: { kind: kind === 'person' ? 'person' : 'company', id: id ?? '' },
      toCompanyId: to ?? '',
      validFrom: validFrom || null,
      validUntil: validUntil || null,
      notes,
    })
    props.onClose(true)
  }

  return (
    <FormModal
      opened={props.opened}
      onCancel={() => props.onClose(false)}
      onSave={save}
      title={r ? pick('编辑关系', 'Edit relation') : pick('新建关系', 'New relation')}
    >
      <Select
        label={pick('关系类型', 'Type')}
        data={(Object.keys(RELATION_TYPE_LABELS) as Relation['type'][]).map((k) => ({
          value: k,
          label: pick(RELATION_TYPE_LABELS[k].zh, RELATION_TYPE_LABELS[k].en),
        }))}
        value={type}
        onChange={(v) => setType(v ?? 'authorization')}
        allowDeselect={false}
      />
      <Select
        label={type === 'parent_subsidiary' ? pick('母公司', 'Parent') : pick('授权方', 'Grantor')}
        data={fromOptions}
        value={from}
        onChange={setFrom}
        searchable
        required
      />
      <Select
        label={
          type === 'parent_subsidiary' ? pick('子公司', 'Subsidiary') : pick('被授权方', 'Grantee')
        }
        data={props.companies.map((c) => ({ value: c.id, label: c.name }))}
        value={to}
        onChange={setTo}
        searchable
        required
      />
      <Group grow>
        <TextInput
          type="date"
          label={pick('有效期自', 'Valid from')}
          value={validFrom}
          onChange={(e) => setValidFrom(e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={pick('有效期至', 'Valid until')}
          value={validUntil}
          onChange={(e) => setValidUntil(e.currentTarget.value)}
        />
      </Group>
      <Textarea
        label={pick('备注', 'Notes')}
        autosize
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
      />
    </FormModal>
  )
}
