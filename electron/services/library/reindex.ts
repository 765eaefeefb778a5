import type { Database } from 'better-sqlite3'
import { indexEntity } from './search'
import type { Executor, LibraryStore } from '../storage/library-store'
import type { DeletedItem } from '../../../shared/library/schemas'
import { SEARCH_SOURCES, searchTextOf } from './search-text'
import { indexPacket, indexRelation } from './search-entries'

/** Put a restored entity back into the search index, from its row. */
export async function reindexEntity(
  store: LibraryStore,
  db: Executor,
  kind: DeletedItem['kind'],
  id: string,
): Promise<void> {
  if (kind === 'relation') return indexRelation(store, db, id)
  if (kind === 'packet') return indexPacket(store, db, id)
  if (kind !== 'company' && kind !== 'person' && kind !== 'trademark') return
  const source = SEARCH_SOURCES[kind]
  const row = await db
    .selectFrom(source.table)
    .select([...source.columns] as never[])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) return
  const { title, texts } = searchTextOf(kind, row)
  await store.search.index(db, kind, id, title, texts)
}

/**
 * The same on the embedded library's handle, inside a synchronous transaction (team pull
 * writes a whole local library in one).
 */
export function reindexEntitySync(
  handle: Database,
  kind: 'company' | 'person' | 'trademark',
  id: string,
): void {
  const source = SEARCH_SOURCES[kind]
  const row = handle
    .prepare(`SELECT ${source.columns.join(', ')} FROM ${source.table} WHERE id = ?`)
    .get(id) as Record<string, string | null> | undefined
  if (!row) return
  const { title, texts } = searchTextOf(kind, row)
  indexEntity(handle, kind, id, title, texts)
}
