import type { Database } from 'better-sqlite3'
import { AppError } from '../../../shared/errors'
import type { DeletedItem } from '../../../shared/library/schemas'
import { audit } from './audit'
import { now } from './ids'
import { unindexEntity } from './search'
import { requirementLabel } from '../../../shared/rules/requirement-derive'
import { RELATION_TYPE_LABELS, type RelationType } from '../../../shared/i18n/labels'

export type DeletableKind = DeletedItem['kind']

/** The table of each kind of row the recycle bin holds (purge.ts erases from the same). */
export const TABLE: Record<DeletableKind, string> = {
  company: 'companies',
  person: 'persons',
  trademark: 'trademarks',
  relation: 'relations',
  document: 'documents',
}

const TITLE: Record<DeletableKind, string> = {
  company: 'name',
  person: 'name',
  trademark: "text || '（' || reg_no || '）'",
  relation: 'type',
  document: 'requirement',
}

/** Live rows that depend on the entity, as Chinese phrases naming them. */
function dependantsOf(db: Database, kind: DeletableKind, id: string): string[] {
  const names = (sql: string, ...args: string[]) =>
    (db.prepare(sql).all(...args) as { label: string }[]).map((r) => r.label)
  const out: string[] = []
  if (kind === 'company' || kind === 'person') {
    const column = kind === 'company' ? 'registrant_company_id' : 'registrant_person_id'
    out.push(
      ...names(
        `SELECT '商标“' || text || '”（' || reg_no || '）' AS label FROM trademarks
         WHERE deleted_at IS NULL AND (${column} = ?${kind === 'company' ? ' OR transferee_company_id = ?' : ''})`,
        ...(kind === 'company' ? [id, id] : [id]),
      ),
    )
    out.push(
      ...(
        db
          .prepare(
            `SELECT type FROM relations WHERE deleted_at IS NULL
             AND (from_company_id = ? OR from_person_id = ? OR to_company_id = ?)`,
          )
          .all(id, id, id) as { type: string }[]
      ).map((r) => RELATION_TYPE_LABELS[r.type as RelationType].relation.zh),
    )
  }
  if (kind !== 'document') {
    const count = (
      db
        .prepare(
          'SELECT COUNT(*) AS n FROM documents WHERE deleted_at IS NULL AND owner_kind = ? AND owner_id = ?',
        )
        .get(kind, id) as { n: number }
    ).n
    if (count > 0) out.push(`${count} 份文件`)
  }
  if (kind === 'company' || kind === 'trademark') {
    out.push(...packetDependants(db, kind, id))
  }
  return out
}

/** Packets that use a company (as applicant) or a trademark; empty before the packets table exists. */
function packetDependants(db: Database, kind: 'company' | 'trademark', id: string): string[] {
  const exists = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'packets'")
    .get()
  if (!exists) return []
  const sql =
    kind === 'company'
      ? "SELECT '资质包“' || account_name || '”' AS label FROM packets WHERE deleted_at IS NULL AND applicant_company_id = ?"
      : `SELECT '资质包“' || p.account_name || '”' AS label FROM packets p JOIN packet_trademarks pt ON pt.packet_id = p.id
         WHERE p.deleted_at IS NULL AND pt.trademark_id = ?`
  return (db.prepare(sql).all(id) as { label: string }[]).map((r) => r.label)
}

/** Move to the recycle bin, refusing while something depends on it. */
export function softDelete(db: Database, kind: DeletableKind, id: string): void {
  db.transaction(() => {
    const row = db
      .prepare(`SELECT 1 FROM ${TABLE[kind]} WHERE id = ? AND deleted_at IS NULL`)
      .get(id)
    if (!row) throw new AppError('NOT_FOUND', '找不到要删除的记录（可能已被删除）。')
    const dependants = dependantsOf(db, kind, id)
    if (dependants.length > 0) {
      throw new AppError(
        'CONFLICT',
        `无法删除：以下记录仍在使用它：${dependants.slice(0, 10).join('、')}。请先删除或改动它们。`,
      )
    }
    db.prepare(`UPDATE ${TABLE[kind]} SET deleted_at = ? WHERE id = ?`).run(now(), id)
    if (kind !== 'relation') unindexEntity(db, kind, id)
    audit(db, 'delete', kind, id)
  })()
}

export function listDeleted(db: Database): DeletedItem[] {
  const parts = (Object.keys(TABLE) as DeletableKind[]).map(
    (kind) =>
      `SELECT '${kind}' AS kind, id, ${TITLE[kind]} AS title, deleted_at AS deletedAt FROM ${TABLE[kind]} WHERE deleted_at IS NOT NULL`,
  )
  const rows = db
    .prepare(`${parts.join(' UNION ALL ')} ORDER BY deletedAt DESC`)
    .all() as DeletedItem[]
  // Documents and relations are stored by id and type: show what they are called.
  return rows.map((row) => {
    if (row.kind === 'document') return { ...row, title: requirementLabel(row.title) }
    if (row.kind === 'relation' && Object.hasOwn(RELATION_TYPE_LABELS, row.title)) {
      return { ...row, title: RELATION_TYPE_LABELS[row.title as RelationType].relation.zh }
    }
    return row
  })
}

/** Deleted rows a row needs (its registrant, endpoints or owner), named for the message. */
function deletedParents(db: Database, kind: DeletableKind, id: string): string[] {
  const deleted = (table: 'companies' | 'persons', parentId: string | null) => {
    if (!parentId) return null
    const row = db
      .prepare(`SELECT name FROM ${table} WHERE id = ? AND deleted_at IS NOT NULL`)
      .get(parentId) as { name: string } | undefined
    return row?.name ?? null
  }
  const names: (string | null)[] = []
  if (kind === 'trademark') {
    const t = db
      .prepare(
        'SELECT registrant_company_id AS c, registrant_person_id AS p, transferee_company_id AS x FROM trademarks WHERE id = ?',
      )
      .get(id) as { c: string | null; p: string | null; x: string | null } | undefined
    if (t) names.push(deleted('companies', t.c), deleted('persons', t.p), deleted('companies', t.x))
  } else if (kind === 'relation') {
    const r = db
      .prepare(
        'SELECT from_company_id AS c, from_person_id AS p, to_company_id AS t FROM relations WHERE id = ?',
      )
      .get(id) as { c: string | null; p: string | null; t: string } | undefined
    if (r) names.push(deleted('companies', r.c), deleted('persons', r.p), deleted('companies', r.t))
  } else if (kind === 'document') {
    const d = db
      .prepare('SELECT owner_kind AS k, owner_id AS o FROM documents WHERE id = ?')
      .get(id) as { k: string; o: string } | undefined
    const table = d
      ? (
          {
            company: 'companies',
            person: 'persons',
            trademark: 'trademarks',
            relation: 'relations',
            packet: 'packets',
          } as Record<string, string>
        )[d.k]
      : undefined
    if (d && table) {
      const owner = db
        .prepare(`SELECT 1 FROM ${table} WHERE id = ? AND deleted_at IS NOT NULL`)
        .get(d.o)
      if (owner) names.push('该文件所属的记录')
    }
  }
  return names.filter((n): n is string => n !== null)
}

export function restoreDeleted(db: Database, kind: DeletableKind, id: string): void {
  const parents = deletedParents(db, kind, id)
  if (parents.length > 0) {
    throw new AppError(
      'CONFLICT',
      `无法恢复：它依赖的 ${parents.join('、')} 也在回收站中，请先恢复它们。`,
    )
  }
  const result = db
    .prepare(`UPDATE ${TABLE[kind]} SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL`)
    .run(id)
  if (result.changes === 0) throw new AppError('NOT_FOUND', '回收站中没有这条记录。')
  audit(db, 'restore', kind, id)
}
