import { useApi } from '../../api/ApiContext'
import { useLoad } from '../../hooks/useLoad'

/** `tm-…` → “青禾”, `a->b` → A → B, `a<->b` → A ↔ B: a plan subject in the library's names. */
export function useSubjectLabel(): (subject: string) => string {
  const api = useApi()
  const names = useLoad(async () => {
    const [companies, persons, trademarks] = await Promise.all([
      api['companies.list']({}),
      api['persons.list']({}),
      api['trademarks.list']({}),
    ])
    return new Map<string, string>([
      ...companies.map((c): [string, string] => [c.id, c.name]),
      ...persons.map((p): [string, string] => [p.id, p.name]),
      ...trademarks.map((t): [string, string] => [t.id, `“${t.text}”`]),
    ])
  }, [api])
  return (subject) => {
    const name = (id: string) => names.data?.get(id) ?? id
    if (subject.includes('<->')) return subject.split('<->').map(name).join(' ↔ ')
    if (subject.includes('->')) return subject.split('->').map(name).join(' → ')
    return name(subject)
  }
}
