import type { Database } from 'better-sqlite3'
import type { Company, CompanyInput } from '../../../shared/library/schemas'
import { validateUscc } from '../../../shared/validators/uscc'
import { AppError } from '../../../shared/errors'
import { audit } from './audit'
import { newId, now } from './ids'
import { indexEntity } from './search'

interface CompanyRow {
  id: string
  name: string
  region: 'domestic' | 'foreign'
  uscc: string | null
  uscc_override: string | null
  business_scope: string
  notes: string
  updated_at: string
}

function toCompany(row: CompanyRow): Company {
  return {
    id: row.id,
    name: row.name,
    region: row.region,
    uscc: row.uscc,
    usccOverrideReason: row.uscc_override,
    businessScope: row.business_scope,
    notes: row.notes,
    updatedAt: row.updated_at,
  }
}

export function listCompanies(db: Database): Company[] {
  const rows = db
    .prepare('SELECT * FROM companies WHERE deleted_at IS NULL ORDER BY name')
    .all() as CompanyRow[]
  return rows.map(toCompany)
}

function getCompany(db: Database, id: string): Company {
  const row = db.prepare('SELECT * FROM companies WHERE id = ? AND deleted_at IS NULL').get(id) as
    CompanyRow | undefined
  if (!row) throw new AppError('NOT_FOUND', '找不到该公司（可能已被删除）。')
  return toCompany(row)
}

/**
 * Create or update a company. A domestic USCC is normalised; one failing
 * GB 32100's check is kept only with a recorded reason (RULES.md §5: a warning).
 */
export function saveCompany(db: Database, input: CompanyInput): Company {
  let uscc = input.uscc?.trim() ? input.uscc : null
  const override = input.usccOverrideReason?.trim() || null
  if (uscc) {
    const result = validateUscc(uscc)
    uscc = result.normalized
    if (!result.valid && !override) {
      throw new AppError(
        'INVALID_ARGUMENT',
        `${result.reason ?? '统一社会信用代码无效'}。如确认无误，请填写保留原因后再保存。`,
        'uscc',
      )
    }
  }
  return db.transaction(() => {
    const at = now()
    const id = input.id ?? newId('co')
    if (input.id) {
      getCompany(db, input.id)
      db.prepare(
        `UPDATE companies SET name = ?, region = ?, uscc = ?, uscc_override = ?, business_scope = ?,
         notes = ?, updated_at = ? WHERE id = ?`,
      ).run(
        input.name,
        input.region,
        uscc,
        override,
        input.businessScope ?? '',
        input.notes ?? '',
        at,
        id,
      )
      audit(db, 'edit', 'company', id)
    } else {
      db.prepare(
        `INSERT INTO companies (id, name, region, uscc, uscc_override, business_scope, notes, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        id,
        input.name,
        input.region,
        uscc,
        override,
        input.businessScope ?? '',
        input.notes ?? '',
        at,
        at,
      )
      audit(db, 'create', 'company', id)
    }
    if (override) audit(db, 'uscc_override', 'company', id, override.slice(0, 200))
    indexEntity(db, 'company', id, input.name, [input.name, uscc, input.businessScope, input.notes])
    return getCompany(db, id)
  })()
}
