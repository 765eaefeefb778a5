import type { Database } from 'better-sqlite3'
import type { DeletableKind } from './recycle'
import { indexEntity } from './search'
import { SEARCH_SOURCES, searchTextOf } from './search-text'

/** Put a restored entity back into the search index, from its row. */
export function reindexEntity(db: Database, kind: DeletableKind, id: string): void {
  if (kind !== 'company' && kind !== 'person' && kind !== 'trademark') return
  const source = SEARCH_SOURCES[kind]
  const row = db
    .prepare(`SELECT ${source.columns.join(', ')} FROM ${source.table} WHERE id = ?`)
    .get(id) as Record<string, string | null> | undefined
  if (!row) return
  const { title, texts } = searchTextOf(kind, row)
  indexEntity(db, kind, id, title, texts)
}
