import type { Database } from 'better-sqlite3'
import { AppError } from '../../../shared/errors'
import type { Relation, RelationInput } from '../../../shared/library/schemas'
import { audit } from './audit'
import { newId, now } from './ids'

interface RelationRow {
  id: string
  type: Relation['type']
  from_company_id: string | null
  from_person_id: string | null
  from_name: string
  to_company_id: string
  to_name: string
  valid_from: string | null
  valid_until: string | null
  notes: string
}

const SELECT = `
  SELECT r.*, COALESCE(fc.name, fp.name) AS from_name, tc.name AS to_name
  FROM relations r
  LEFT JOIN companies fc ON fc.id = r.from_company_id
  LEFT JOIN persons fp ON fp.id = r.from_person_id
  JOIN companies tc ON tc.id = r.to_company_id
  WHERE r.deleted_at IS NULL`

function toRelation(row: RelationRow): Relation {
  return {
    id: row.id,
    type: row.type,
    from: {
      kind: row.from_company_id ? 'company' : 'person',
      id: row.from_company_id ?? row.from_person_id ?? '',
      name: row.from_name,
    },
    to: { id: row.to_company_id, name: row.to_name },
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    notes: row.notes,
  }
}

export function listRelations(db: Database, entityId?: string): Relation[] {
  const rows = entityId
    ? (db
        .prepare(
          `${SELECT} AND (r.from_company_id = ? OR r.from_person_id = ? OR r.to_company_id = ?) ORDER BY r.type`,
        )
        .all(entityId, entityId, entityId) as RelationRow[])
    : (db.prepare(`${SELECT} ORDER BY r.type`).all() as RelationRow[])
  return rows.map(toRelation)
}

export function getRelation(db: Database, id: string): Relation {
  const row = db.prepare(`${SELECT} AND r.id = ?`).get(id) as RelationRow | undefined
  if (!row) throw new AppError('NOT_FOUND', '找不到该关系（可能已被删除）。')
  return toRelation(row)
}

export function saveRelation(db: Database, input: RelationInput): Relation {
  if (input.from.kind === 'person' && input.type !== 'authorization') {
    throw new AppError('INVALID_ARGUMENT', '自然人只能作为授权书的授权方', 'from')
  }
  if (input.from.id === input.toCompanyId) {
    throw new AppError('INVALID_ARGUMENT', '关系的两方不能是同一主体', 'toCompanyId')
  }
  if (input.validFrom && input.validUntil && input.validUntil < input.validFrom) {
    throw new AppError('INVALID_ARGUMENT', '有效期截止日早于起始日', 'validUntil')
  }
  return db.transaction(() => {
    const fromTable = input.from.kind === 'company' ? 'companies' : 'persons'
    if (
      !db
        .prepare(`SELECT 1 FROM ${fromTable} WHERE id = ? AND deleted_at IS NULL`)
        .get(input.from.id)
    ) {
      throw new AppError('INVALID_ARGUMENT', '授权方不存在或已被删除', 'from')
    }
    if (
      !db
        .prepare('SELECT 1 FROM companies WHERE id = ? AND deleted_at IS NULL')
        .get(input.toCompanyId)
    ) {
      throw new AppError('INVALID_ARGUMENT', '被授权方不存在或已被删除', 'toCompanyId')
    }
    const at = now()
    const id = input.id ?? newId('re')
    const values = [
      input.type,
      input.from.kind === 'company' ? input.from.id : null,
      input.from.kind === 'person' ? input.from.id : null,
      input.toCompanyId,
      input.validFrom ?? null,
      input.validUntil ?? null,
      input.notes ?? '',
      at,
    ]
    if (input.id) {
      getRelation(db, input.id)
      db.prepare(
        `UPDATE relations SET type = ?, from_company_id = ?, from_person_id = ?, to_company_id = ?, valid_from = ?,
         valid_until = ?, notes = ?, updated_at = ? WHERE id = ?`,
      ).run(...values, id)
      audit(db, 'edit', 'relation', id)
    } else {
      db.prepare(
        `INSERT INTO relations (type, from_company_id, from_person_id, to_company_id, valid_from, valid_until, notes,
         updated_at, id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(...values, id, at)
      audit(db, 'create', 'relation', id)
    }
    return getRelation(db, id)
  })()
}
