import type pg from 'pg'
import type { SearchHit } from '../../../shared/library/schemas'
import { retokenize, SEARCH_TOKENS_SCHEME, searchTokens } from '../library/search-tokens'
import { INDEX_SQL, SEARCH_SQL, toTsQuery } from './search-query'
import { SEARCH_SOURCES, searchTextOf, type SearchSourceKind } from '../library/search-text'
import { packetEntry, relationEntry, TEAM_ENTRY_SQL } from '../library/search-entries'

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

/**
 * After team migration 0007: every entry still of the old tokens scheme gets the new tokens
 * (re-split from those it holds: a number's suffixes) and is marked scheme 2, then the live
 * rows the index lacks (packets, relations) are indexed. Run by `team init` after migrating;
 * marked per row, so it resumes if cut short and a second run finds nothing to do.
 */
export async function rebuildTeamSearch(
  client: pg.Client,
): Promise<{ retokenized: number; indexed: number }> {
  const old = await client.query<{ kind: string; id: string; tokens: string[] }>(
    `SELECT entity_kind AS kind, entity_id AS id, tsvector_to_array(body) AS tokens
     FROM search_index WHERE scheme < $1`,
    [SEARCH_TOKENS_SCHEME],
  )
  for (const row of old.rows) {
    await client.query(
      `UPDATE search_index SET body = array_to_tsvector($3::text[]), scheme = $4
       WHERE entity_kind = $1 AND entity_id = $2`,
      [row.kind, row.id, retokenize(row.tokens), SEARCH_TOKENS_SCHEME],
    )
  }
  return { retokenized: old.rows.length, indexed: await indexMissingTeam(client) }
}

/**
 * Index every live company, person, trademark, packet and relation the team index lacks (after
 * a push, after `team init`).
 */
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
  const packets = await client.query<Parameters<typeof packetEntry>[0]>(TEAM_ENTRY_SQL.packet)
  for (const row of packets.rows) {
    const { title, texts } = packetEntry(row)
    await indexEntityTeam(client, 'packet', row.id, title, texts)
    indexed++
  }
  const relations = await client.query<Parameters<typeof relationEntry>[0]>(TEAM_ENTRY_SQL.relation)
  for (const row of relations.rows) {
    const { title, texts } = relationEntry(row)
    await indexEntityTeam(client, 'relation', row.id, title, texts)
    indexed++
  }
  return indexed
}
