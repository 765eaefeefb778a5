import type { Database } from 'better-sqlite3'
import { AppError } from '../../../shared/errors'
import type { Trademark, TrademarkInput } from '../../../shared/library/schemas'
import { validateTrademarkNo } from '../../../shared/validators/trademark-no'
import { audit } from './audit'
import { newId, now } from './ids'
import { indexEntity } from './search'

interface TrademarkRow {
  id: string
  reg_no: string
  text: string
  class: number | null
  registrant_company_id: string | null
  registrant_person_id: string | null
  registrant_name: string | null
  status: Trademark['status']
  valid_until: string | null
  acceptance_date: string | null
  transferee_company_id: string | null
  official_registrant_differs: 'change' | 'transfer' | null
  notes: string
  updated_at: string
}

const SELECT = `
  SELECT t.*, COALESCE(c.name, p.name) AS registrant_name
  FROM trademarks t
  LEFT JOIN companies c ON c.id = t.registrant_company_id
  LEFT JOIN persons p ON p.id = t.registrant_person_id
  WHERE t.deleted_at IS NULL`

function toTrademark(row: TrademarkRow): Trademark {
  const kind = row.registrant_company_id ? 'company' : 'person'
  return {
    id: row.id,
    regNo: row.reg_no,
    text: row.text,
    class: row.class,
    registrant: {
      kind,
      id: row.registrant_company_id ?? row.registrant_person_id ?? '',
      name: row.registrant_name ?? '',
    },
    status: row.status,
    validUntil: row.valid_until,
    acceptanceDate: row.acceptance_date,
    transfereeCompanyId: row.transferee_company_id,
    officialRegistrantDiffers: row.official_registrant_differs,
    notes: row.notes,
    updatedAt: row.updated_at,
  }
}

export function listTrademarks(db: Database): Trademark[] {
  return (db.prepare(`${SELECT} ORDER BY t.text`).all() as TrademarkRow[]).map(toTrademark)
}

function getTrademark(db: Database, id: string): Trademark {
  const row = db.prepare(`${SELECT} AND t.id = ?`).get(id) as TrademarkRow | undefined
  if (!row) throw new AppError('NOT_FOUND', '找不到该商标（可能已被删除）。')
  return toTrademark(row)
}

function assertExists(
  db: Database,
  table: 'companies' | 'persons',
  id: string,
  field: string,
): void {
  const row = db.prepare(`SELECT 1 FROM ${table} WHERE id = ? AND deleted_at IS NULL`).get(id)
  if (!row) throw new AppError('INVALID_ARGUMENT', '所选主体不存在或已被删除', field)
}

export function saveTrademark(db: Database, input: TrademarkInput): Trademark {
  const regNo = validateTrademarkNo(input.regNo).normalized
  if (input.status === 'application_accepted' && !input.acceptanceDate) {
    throw new AppError(
      'INVALID_ARGUMENT',
      '注册申请受理状态的商标须填写受理通知书上的盖章受理日期',
      'acceptanceDate',
    )
  }
  if (input.status === 'transfer_accepted' && !input.transfereeCompanyId) {
    throw new AppError(
      'INVALID_ARGUMENT',
      '转让申请受理状态的商标须选择受让方',
      'transfereeCompanyId',
    )
  }
  return db.transaction(() => {
    const { kind, id: registrantId } = input.registrant
    assertExists(db, kind === 'company' ? 'companies' : 'persons', registrantId, 'registrant')
    if (input.transfereeCompanyId)
      assertExists(db, 'companies', input.transfereeCompanyId, 'transfereeCompanyId')
    const at = now()
    const id = input.id ?? newId('tm')
    const values = [
      regNo,
      input.text,
      input.class ?? null,
      kind === 'company' ? registrantId : null,
      kind === 'person' ? registrantId : null,
      input.status,
      input.validUntil ?? null,
      input.acceptanceDate ?? null,
      input.transfereeCompanyId ?? null,
      input.officialRegistrantDiffers ?? null,
      input.notes ?? '',
      at,
    ]
    if (input.id) {
      getTrademark(db, input.id)
      db.prepare(
        `UPDATE trademarks SET reg_no = ?, text = ?, class = ?, registrant_company_id = ?, registrant_person_id = ?,
         status = ?, valid_until = ?, acceptance_date = ?, transferee_company_id = ?, official_registrant_differs = ?,
         notes = ?, updated_at = ? WHERE id = ?`,
      ).run(...values, id)
      audit(db, 'edit', 'trademark', id)
    } else {
      db.prepare(
        `INSERT INTO trademarks (reg_no, text, class, registrant_company_id, registrant_person_id, status, valid_until,
         acceptance_date, transferee_company_id, official_registrant_differs, notes, updated_at, id, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(...values, id, at)
      audit(db, 'create', 'trademark', id)
    }
    indexEntity(db, 'trademark', id, `${input.text}（${regNo}）`, [input.text, regNo, input.notes])
    return getTrademark(db, id)
  })()
}
