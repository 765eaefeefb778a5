import type { Database } from 'better-sqlite3'
import type { DeletableKind } from './recycle'
import { indexEntity } from './search'

/** Put a restored entity back into the search index, from its row. */
export function reindexEntity(db: Database, kind: DeletableKind, id: string): void {
  if (kind === 'company') {
    const r = db
      .prepare('SELECT name, uscc, business_scope, notes FROM companies WHERE id = ?')
      .get(id) as
      { name: string; uscc: string | null; business_scope: string; notes: string } | undefined
    if (r) indexEntity(db, 'company', id, r.name, [r.name, r.uscc, r.business_scope, r.notes])
  } else if (kind === 'person') {
    const r = db.prepare('SELECT name, nationality, notes FROM persons WHERE id = ?').get(id) as
      { name: string; nationality: string; notes: string } | undefined
    if (r) indexEntity(db, 'person', id, r.name, [r.name, r.nationality, r.notes])
  } else if (kind === 'trademark') {
    const r = db.prepare('SELECT text, reg_no, notes FROM trademarks WHERE id = ?').get(id) as
      { text: string; reg_no: string; notes: string } | undefined
    if (r) indexEntity(db, 'trademark', id, `${r.text}（${r.reg_no}）`, [r.text, r.reg_no, r.notes])
  }
}
