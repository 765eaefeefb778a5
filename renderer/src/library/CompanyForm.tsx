import { useState } from 'react'
import { SegmentedControl, TextInput, Textarea } from '@mantine/core'
import type { Company } from '../../../shared/library/schemas'
import { validateUscc } from '../../../shared/validators/uscc'
import { useApi } from '../api/ApiContext'
import { FormModal } from './FormModal'

import { useI18n } from '../i18n/I18nProvider'

export function CompanyForm(props: {
  company: Company | null
  opened: boolean
  onClose: (saved: boolean) => void
}) {
  const api = useApi()
  const { pick } = useI18n()
  const c = props.company
  const [name, setName] = useState(c?.name ?? '')
  const [region, setRegion] = useState<'domestic' | 'foreign'>(c?.region ?? 'domestic')
  const [uscc, setUscc] = useState(c?.uscc ?? '')
  const [override, setOverride] = useState(c?.usccOverrideReason ?? '')
  const [scope, setScope] = useState(c?.businessScope ?? '')
  const [notes, setNotes] = useState(c?.notes ?? '')
  const check = uscc.trim() ? validateUscc(uscc) : null

  const save = async () => {
    await api['companies.save']({
      ...(c ? { id: c.id } : {}),
      name,
      region,
      uscc: uscc.trim() || null,
      usccOverrideReason: check && !check.valid ? override || null : null,
      businessScope: scope,
      notes,
    })
    props.onClose(true)
  }

  return (
    <FormModal
      opened={props.opened}
      onCancel={() => props.onClose(false)}
      onSave={save}
      title={c ? pick('编辑公司', 'Edit company') : pick('新建公司', 'New company')}
    >
      <TextInput
        label={pick('公司名称', 'Company name')}
        required
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
      />
      <SegmentedControl
        value={region}
        onChange={(v) => setRegion(v)}
        data={[
          { value: 'domestic', label: pick('境内', 'Domestic') },
          { value: 'foreign', label: pick('境外', 'Foreign') },
        ]}
      />
      {region === 'domestic' && (
        <TextInput
          label={pick('统一社会信用代码', 'USCC')}
          value={uscc}
          onChange={(e) => setUscc(e.currentTarget.value)}
          error={check && !check.valid ? check.reason : undefined}
          description={check?.valid ? pick('校验通过', 'Check character OK') : undefined}
        />
      )}
      {region === 'domestic' && check && !check.valid && (
        <TextInput
          label={pick('仍要保存的原因（将被记录）', 'Reason to keep it anyway (recorded)')}
          value={override}
          onChange={(e) => setOverride(e.currentTarget.value)}
        />
      )}
      <Textarea
        label={pick('经营范围', 'Business scope')}
        autosize
        minRows={3}
        value={scope}
        onChange={(e) => setScope(e.currentTarget.value)}
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
