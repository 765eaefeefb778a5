import { CompiledQuery, type Kysely } from 'kysely'
import type { Database } from 'better-sqlite3'
import type { SearchHit } from '../../../shared/library/schemas'
import { indexEntity, searchLibrary, unindexEntity } from '../library/search'
import { searchTokens } from '../library/search-tokens'
import { INDEX_SQL, SEARCH_SQL, toTsQuery } from '../team/search-query'
import type { LibraryTables } from './tables'

type Executor = Kysely<LibraryTables>

/**
 * The search index, the one place the engines differ (SQLite FTS5 vs a PostgreSQL tsvector);
 * both index the same tokens (library/search-tokens.ts). `db` may be a transaction.
 */
export interface SearchPort {
  index(
    db: Executor,
    kind: SearchHit['kind'],
    id: string,
    title: string,
    texts: (string | null | undefined)[],
  ): Promise<void>
  unindex(db: Executor, kind: SearchHit['kind'], id: string): Promise<void>
  search(db: Executor, query: string, limit?: number): Promise<SearchHit[]>
}

/**
 * SQLite: the existing FTS5 functions on the library's one connection. Kysely's SQLite driver
 * runs on that same connection, so inside a Kysely transaction they are part of it.
 */
export function sqliteSearch(handle: Database): SearchPort {
  return {
    index: (_db, kind, id, title, texts) =>
      Promise.resolve(indexEntity(handle, kind, id, title, texts)),
    unindex: (_db, kind, id) => Promise.resolve(unindexEntity(handle, kind, id)),
    search: (_db, query, limit) => Promise.resolve(searchLibrary(handle, query, limit)),
  }
}

/** PostgreSQL: a tsvector of the same tokens under a GIN index (team migration 0003). */
export const postgresSearch: SearchPort = {
  async index(db, kind, id, title, texts) {
    const tokens = [...new Set(texts.filter((t): t is string => Boolean(t)).flatMap(searchTokens))]
    await db.executeQuery(CompiledQuery.raw(INDEX_SQL, [kind, id, title, tokens]))
  },
  async unindex(db, kind, id) {
    await db.executeQuery(
      CompiledQuery.raw('DELETE FROM search_index WHERE entity_kind = $1 AND entity_id = $2', [
        kind,
        id,
      ]),
    )
  },
  async search(db, query, limit = 50) {
    const tsquery = toTsQuery(query)
    if (!tsquery) return []
    const result = await db.executeQuery<{ kind: SearchHit['kind']; id: string; title: string }>(
      CompiledQuery.raw(SEARCH_SQL, [tsquery, limit * 4, limit]),
    )
    return result.rows.map((r) => ({ kind: r.kind, id: r.id, title: r.title, detail: '' }))
  },
}
