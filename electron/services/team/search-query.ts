import { queryTerms } from '../library/search-tokens'

/** A tsquery lexeme, quoted: the terms come from the user. */
const lexeme = (term: string): string => `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`

/** The same terms as the embedded library's FTS query, as tsquery text: all ANDed. */
export function toTsQuery(query: string): string | null {
  const parts = queryTerms(query).map((t) => (t.prefix ? `${lexeme(t.term)}:*` : lexeme(t.term)))
  return parts.length > 0 ? parts.join(' & ') : null
}

/** Index one entity: $1 kind, $2 id, $3 title, $4 its distinct tokens. */
export const INDEX_SQL = `INSERT INTO search_index (entity_kind, entity_id, title, body)
  VALUES ($1, $2, $3, array_to_tsvector($4::text[]))
  ON CONFLICT (entity_kind, entity_id) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body`

/**
 * $1 tsquery text, $2 how many matches to rank, $3 how many hits: as the embedded library,
 * rank only the first few hundred matches — enough for a list a person reads.
 */
export const SEARCH_SQL = `SELECT kind, id, title FROM (
    SELECT entity_kind AS kind, entity_id AS id, title, ts_rank(body, q) AS rank
    FROM search_index, CAST($1 AS tsquery) AS q
    WHERE body @@ q
    LIMIT $2
  ) AS matches
  ORDER BY rank DESC, id
  LIMIT $3`
