import type { Database } from 'better-sqlite3'
import type { SearchHit } from '../../../shared/library/schemas'
import { queryTerms, searchTokens } from './search-tokens'

function quote(token: string): string {
  return `"${token.replace(/"/g, '""')}"`
}

/** FTS query: every bigram of CJK terms, ASCII words as prefixes, all ANDed. */
function toFtsQuery(query: string): string | null {
  const parts = queryTerms(query).map((t) => (t.prefix ? `${quote(t.term)}*` : quote(t.term)))
  return parts.length > 0 ? parts.join(' AND ') : null
}

export function indexEntity(
  db: Database,
  kind: SearchHit['kind'],
  id: string,
  title: string,
  texts: (string | null | undefined)[],
): void {
  unindexEntity(db, kind, id)
  const body = texts
    .filter((t): t is string => Boolean(t))
    .flatMap(searchTokens)
    .join(' ')
  const { lastInsertRowid } = db
    .prepare('INSERT INTO search_index (entity_kind, entity_id, title, body) VALUES (?, ?, ?, ?)')
    .run(kind, id, title, body)
  db.prepare('INSERT INTO search_keys (entity_kind, entity_id, fts_rowid) VALUES (?, ?, ?)').run(
    kind,
    id,
    lastInsertRowid,
  )
}

/** Remove an entity from the index by its FTS rowid (search_keys, migration 0004). */
export function unindexEntity(db: Database, kind: SearchHit['kind'], id: string): void {
  const key = db
    .prepare('SELECT fts_rowid FROM search_keys WHERE entity_kind = ? AND entity_id = ?')
    .get(kind, id) as { fts_rowid: number } | undefined
  if (!key) return
  db.prepare('DELETE FROM search_index WHERE rowid = ?').run(key.fts_rowid)
  db.prepare('DELETE FROM search_keys WHERE entity_kind = ? AND entity_id = ?').run(kind, id)
}

/**
 * Up to `limit` hits, best first. Ranking every match of a broad term (say
 * "备注" in 100,000 rows) costs ~100 ms, so rank only the first few hundred
 * matches: enough for a list a person reads, and fast at any library size.
 */
export function searchLibrary(db: Database, query: string, limit = 50): SearchHit[] {
  const fts = toFtsQuery(query)
  if (!fts) return []
  const rows = db
    .prepare(
      'SELECT entity_kind AS kind, entity_id AS id, title, rank FROM search_index WHERE search_index MATCH ? LIMIT ?',
    )
    .all(fts, limit * 4) as { kind: SearchHit['kind']; id: string; title: string; rank: number }[]
  return rows
    .sort((a, b) => a.rank - b.rank)
    .slice(0, limit)
    .map((r) => ({ kind: r.kind, id: r.id, title: r.title, detail: '' }))
}
