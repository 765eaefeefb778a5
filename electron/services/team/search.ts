import type pg from 'pg'
import type { SearchHit } from '../../../shared/library/schemas'
import { queryTerms, searchTokens } from '../library/search-tokens'
import { SEARCH_SOURCES, searchTextOf, type SearchSourceKind } from '../library/search-text'

/** A tsquery lexeme, quoted: the terms come from the user. */
const lexeme = (term: string): string => `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`

/** The same terms as the embedded library's FTS query, as tsquery text: all ANDed. */
function toTsQuery(query: string): string | null {
  const parts = queryTerms(query).map((t) => (t.prefix ? `${lexeme(t.term)}:*` : lexeme(t.term)))
  return parts.length > 0 ? parts.join(' & ') : null
}

/** Index (or re-index) one entity in the team library. */
export async function indexEntityTeam(
  client: pg.Client,
  kind: SearchHit['kind'],
  id: string,
  title: string,
  texts: (string | null | undefined)[],
): Promise<void> {
  const tokens = texts.filter((t): t is string => Boolean(t)).flatMap(searchTokens)
  await client.query(
    `INSERT INTO search_index (entity_kind, entity_id, title, body)
     VALUES ($1, $2, $3, array_to_tsvector($4::text[]))
     ON CONFLICT (entity_kind, entity_id) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body`,
    [kind, id, title, [...new Set(tokens)]],
  )
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
    `SELECT kind, id, title FROM (
       SELECT entity_kind AS kind, entity_id AS id, title, ts_rank(body, q) AS rank
       FROM search_index, CAST($1 AS tsquery) AS q
       WHERE body @@ q
       LIMIT $2
     ) AS matches
     ORDER BY rank DESC, id
     LIMIT $3`,
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
