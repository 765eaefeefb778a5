import type { Database } from 'better-sqlite3'
import type { SearchHit } from '../../../shared/library/schemas'

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u{20000}-\u{2ffff}]/u

/**
 * Split text into FTS tokens: CJK runs become single characters plus
 * overlapping bigrams (so "青禾文化" is found by "禾文"); other text stays as
 * words. The unicode61 tokenizer then splits on the spaces we insert.
 */
function toSearchTokens(text: string): string[] {
  const normalized = text.normalize('NFKC').toLowerCase()
  const tokens: string[] = []
  const runs = normalized.match(/[\p{L}\p{N}]+/gu) ?? []
  for (const run of runs) {
    let ascii = ''
    let cjk: string[] = []
    const flush = () => {
      if (ascii) tokens.push(ascii)
      ascii = ''
      cjk.forEach((c, i) => {
        tokens.push(c)
        const next = cjk[i + 1]
        if (next !== undefined) tokens.push(c + next)
      })
      cjk = []
    }
    for (const ch of run) {
      if (CJK.test(ch)) {
        if (ascii) {
          tokens.push(ascii)
          ascii = ''
        }
        cjk.push(ch)
      } else {
        if (cjk.length > 0) {
          const pending = ascii
          ascii = ''
          flush()
          ascii = pending
        }
        ascii += ch
      }
    }
    flush()
  }
  return tokens
}

function quote(token: string): string {
  return `"${token.replace(/"/g, '""')}"`
}

/** FTS query: every bigram of CJK terms, ASCII words as prefixes, all ANDed. */
function toFtsQuery(query: string): string | null {
  const normalized = query.normalize('NFKC').toLowerCase()
  const parts: string[] = []
  for (const run of normalized.match(/[\p{L}\p{N}]+/gu) ?? []) {
    const chars = Array.from(run)
    let i = 0
    while (i < chars.length) {
      const ch = chars[i] ?? ''
      if (CJK.test(ch)) {
        let j = i
        while (j < chars.length && CJK.test(chars[j] ?? '')) j++
        const cjk = chars.slice(i, j)
        if (cjk.length === 1) parts.push(quote(ch))
        for (let k = 0; k + 1 < cjk.length; k++)
          parts.push(quote(`${cjk[k] ?? ''}${cjk[k + 1] ?? ''}`))
        i = j
      } else {
        let j = i
        while (j < chars.length && !CJK.test(chars[j] ?? '')) j++
        parts.push(`${quote(chars.slice(i, j).join(''))}*`)
        i = j
      }
    }
  }
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
    .flatMap(toSearchTokens)
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
