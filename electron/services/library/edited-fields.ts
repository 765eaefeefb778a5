import type { Executor } from '../storage/library-store'

type EditedTable = 'companies' | 'persons' | 'trademarks' | 'relations'

/** Columns a save always writes (bookkeeping, not a field the clerk edited). */
const BOOKKEEPING = new Set(['updated_at', 'updated_by'])

/**
 * The columns an edit changes, read before its update: the audit's `edit` entry names them
 * (`fields:registrant_company_id,notes` — names only, never values, so never an ID number),
 * which is how "此后的改动" lists edits no snapshot holds (issue 13 item 13).
 */
export async function editedFields(
  db: Executor,
  table: EditedTable,
  id: string,
  fields: Record<string, unknown>,
): Promise<string> {
  const columns = Object.keys(fields).filter((c) => !BOOKKEEPING.has(c))
  const row = (await db
    .selectFrom(table)
    .select(columns as never[])
    .where('id', '=', id)
    .executeTakeFirst()) as Record<string, unknown> | undefined
  if (!row) return ''
  const changed = columns.filter((c) => (row[c] ?? null) !== (fields[c] ?? null))
  // `fields:` alone: a save that changed nothing (told apart from entries before field lists).
  return `fields:${changed.join(',')}`
}

/**
 * The column names an `edit` audit entry's detail names; null for an entry from before field
 * lists were kept (which fields it changed is not known).
 */
export function fieldsOfDetail(detail: string): string[] | null {
  return detail.startsWith('fields:')
    ? detail.slice('fields:'.length).split(',').filter(Boolean)
    : null
}
