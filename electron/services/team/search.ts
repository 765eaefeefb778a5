import type pg from 'pg'
import type { SearchHit } from '../../../shared/library/schemas'
import { searchTokens } from '../library/search-tokens'
import { INDEX_SQL, SEARCH_SQL, toTsQuery } from './search-query'
import { SEARCH_SOURCES, searchTextOf, type SearchSourceKind } from '../library/search-text'

/** Index (or re-index) one entity in the team library. */
export async function indexEntityTeam(
  client: pg.Client,
  kind: SearchHit['kind'],
  id: string,
  title: string,
  texts: (string | null | undefined)[],
): Promise<void> {
  const tokens = texts.filter((t): t is string => Boolean(t)).flatMap(searchTokens)
  await client.query(INDEX_SQL, [kind, id, title, [...new Set(tokens)]])
}

/**
 * Up to `limit` hits, best first — as searchLibrary: rank only the first few hundred matches,
 * enough for a list a person reads and fast at any library size.
 */
export async function searchTeam(
  client: pg.Client,
  query: string,
  limit = 50,
): Promise<SearchHit[]> {
  const tsquery = toTsQuery(query)
  if (!tsquery) return []
  const result = await client.query<{ kind: SearchHit['kind']; id: string; title: string }>(
    SEARCH_SQL,
    [tsquery, limit * 4, limit],
  )
  return result.rows.map((r) => ({ kind: r.kind, id: r.id, title: r.title, detail: '' }))
}

/** Index every live company, person and trademark the team index lacks (after a push). */
export async function indexMissingTeam(client: pg.Client): Promise<number> {
  let indexed = 0
  for (const kind of Object.keys(SEARCH_SOURCES) as SearchSourceKind[]) {
    const source = SEARCH_SOURCES[kind]
    const rows = await client.query<Record<string, string | null> & { id: string }>(
      `SELECT id, ${source.columns.join(', ')} FROM ${source.table} AS t
       WHERE deleted_at IS NULL AND NOT EXISTS (
         SELECT 1 FROM search_index s WHERE s.entity_kind = $1 AND s.entity_id = t.id)`,
      [kind],
    )
    for (const row of rows.rows) {
      const { title, texts } = searchTextOf(kind, row)
      await indexEntityTeam(client, kind, row.id, title, texts)
      indexed++
    }
  }
  return indexed
}
