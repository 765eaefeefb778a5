import { useState } from 'react'
import { SegmentedControl, TextInput, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import {
  companyInputSchema,
  type Company,
  type CompanyInput,
} from '../../../shared/library/schemas'
import { validateUscc } from '../../../shared/validators/uscc'
import { useApi } from '../api/ApiContext'
import { findLoaded, useStaleGuard } from '../hooks/useStaleGuard'
import { useI18n } from '../i18n/I18nProvider'
import { FormModal } from './FormModal'
import { zodValidate } from './zodValidate'

interface Values {
  name: string
  region: Company['region']
  uscc: string
  usccOverrideReason: string
  businessScope: string
  notes: string
}

function valuesOf(c: Company | null): Values {
  return {
    name: c?.name ?? '',
    region: c?.region ?? 'domestic',
    uscc: c?.uscc ?? '',
    usccOverrideReason: c?.usccOverrideReason ?? '',
    businessScope: c?.businessScope ?? '',
    notes: c?.notes ?? '',
  }
}

/** Only a code failing its check character needs (and keeps) a reason. */
const usccCheck = (uscc: string) => (uscc.trim() ? validateUscc(uscc) : null)

function toInput(values: Values, id: string | undefined): CompanyInput {
  const check = usccCheck(values.uscc)
  return {
    ...(id ? { id } : {}),
    name: values.name,
    region: values.region,
    uscc: values.uscc.trim() || null,
    usccOverrideReason: check && !check.valid ? values.usccOverrideReason || null : null,
    businessScope: values.businessScope,
    notes: values.notes,
  }
}

export function CompanyForm(props: {
  company: Company | null
  opened: boolean
  /** The saved record (its new version), or null when cancelled. */
  onClose: (saved: Company | null) => void
}) {
  const api = useApi()
  const { pick } = useI18n()
  // The record the form was opened from, not the list's latest copy: the list refreshes live
  // under the form, and the form's fields (and version) stay what the clerk saw until 重新加载.
  const [c, setLoaded] = useState(props.company)
  const form = useForm<Values, CompanyInput>({
    initialValues: valuesOf(c),
    validate: zodValidate(companyInputSchema, (v: Values) => toInput(v, c?.id)),
    transformValues: (v) => toInput(v, c?.id),
  })
  const guard = useStaleGuard({
    initial: c,
    fetch: async () => findLoaded(await api['companies.list']({}), c?.id),
    show: (company) => {
      setLoaded(company)
      form.setValues(valuesOf(company))
    },
  })
  const { region } = form.values
  const check = usccCheck(form.values.uscc)

  const save = async () => {
    if (form.validate().hasErrors) return
    const input = form.getTransformedValues()
    const saved = await guard.save((from) => api['companies.save']({ ...input, ...from }))
    if (saved) props.onClose(saved)
  }

  return (
    <FormModal
      opened={props.opened}
      onCancel={() => props.onClose(null)}
      onSave={save}
      stale={guard}
      title={c ? pick('编辑公司', 'Edit company') : pick('新建公司', 'New company')}
    >
      <TextInput
        label={pick('公司名称', 'Company name')}
        required
        {...form.getInputProps('name')}
      />
      <SegmentedControl
        value={region}
        onChange={(v) => form.setFieldValue('region', v)}
        data={[
          { value: 'domestic' as const, label: pick('境内', 'Domestic') },
          { value: 'foreign' as const, label: pick('境外', 'Foreign') },
        ]}
      />
      {region === 'domestic' && (
        <TextInput
          label={pick('统一社会信用代码', 'USCC')}
          {...form.getInputProps('uscc')}
          // The check character is advice, shown as you type; saving with a reason stays possible.
          error={form.errors.uscc ?? (check && !check.valid ? check.reason : undefined)}
          description={check?.valid ? pick('校验通过', 'Check character OK') : undefined}
        />
      )}
      {region === 'domestic' && check && !check.valid && (
        <TextInput
          label={pick('仍要保存的原因（将被记录）', 'Reason to keep it anyway (recorded)')}
          {...form.getInputProps('usccOverrideReason')}
        />
      )}
      <Textarea
        label={pick('经营范围', 'Business scope')}
        autosize
        minRows={3}
        {...form.getInputProps('businessScope')}
      />
      <Textarea label={pick('备注', 'Notes')} autosize {...form.getInputProps('notes')} />
    </FormModal>
  )
}
