import { useState } from 'react'
import type { Company, Trademark } from '../../../shared/library/schemas'
import { useApi } from '../api/ApiContext'
import { useLoad, type Loaded } from '../hooks/useLoad'
import { useI18n } from '../i18n/I18nProvider'
import { CompanyForm } from '../library/CompanyForm'
import { TrademarkForm } from '../library/TrademarkForm'

/** The option value a wizard dropdown offers for 新建… (never a record id: ids are UUIDs). */
export const NEW_OPTION = '__new__'

/**
 * 新建… in the wizard's dropdowns (issue 13 item 10): the library's form opens over the wizard,
 * and the record saved is put in the list and chosen. The wizard's draft is its own state, so
 * nothing typed is lost.
 */
export function useCreateInPlace(lists: {
  companies: Loaded<Company[]>
  trademarks: Loaded<Trademark[]>
}) {
  const { pick } = useI18n()
  const [creating, setCreating] = useState<{
    kind: 'company' | 'trademark'
    done: (id: string) => void
  } | null>(null)
  return {
    companyOption: { value: NEW_OPTION, label: pick('＋ 新建公司…', '+ New company…') },
    trademarkOption: { value: NEW_OPTION, label: pick('＋ 新建商标…', '+ New trademark…') },
    create: (kind: 'company' | 'trademark', done: (id: string) => void) =>
      setCreating({ kind, done }),
    forms: creating && (
      <CreateForm
        kind={creating.kind}
        lists={lists}
        onClose={(id) => {
          setCreating(null)
          if (id) creating.done(id)
        }}
      />
    ),
  }
}

function CreateForm(props: {
  kind: 'company' | 'trademark'
  lists: { companies: Loaded<Company[]>; trademarks: Loaded<Trademark[]> }
  onClose: (id: string | null) => void
}) {
  const api = useApi()
  const persons = useLoad(() => api['persons.list']({}), [api])
  const add =
    <T extends { id: string }>(list: Loaded<T[]>) =>
    (saved: T | null) => {
      if (saved) list.update((rows) => [...(rows ?? []).filter((r) => r.id !== saved.id), saved])
      props.onClose(saved?.id ?? null)
    }
  if (props.kind === 'company') {
    return <CompanyForm opened company={null} onClose={add(props.lists.companies)} />
  }
  return (
    <TrademarkForm
      opened
      trademark={null}
      companies={props.lists.companies.data ?? []}
      persons={persons.data ?? []}
      onClose={add(props.lists.trademarks)}
    />
  )
}
