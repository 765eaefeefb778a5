import type { Database } from 'better-sqlite3'
import { AppError } from '../../../shared/errors'
import type { Packet, PacketInput } from '../../../shared/library/schemas'
import { audit } from '../library/audit'
import { newId, now } from '../library/ids'

interface PacketRow {
  id: string
  applicant_company_id: string
  applicant_name: string
  account_type: Packet['accountType']
  account_name: string
  promoted_subject: Packet['promotedSubject']
  industries: string
  avatar_fit: Packet['avatarFit']
  prerequisites: string
  notes: string
  updated_at: string
}

const SELECT = `SELECT p.*, c.name AS applicant_name FROM packets p JOIN companies c ON c.id = p.applicant_company_id
  WHERE p.deleted_at IS NULL`

function toPacket(db: Database, row: PacketRow): Packet {
  const trademarkIds = (
    db
      .prepare('SELECT trademark_id FROM packet_trademarks WHERE packet_id = ? ORDER BY rowid')
      .all(row.id) as {
      trademark_id: string
    }[]
  ).map((r) => r.trademark_id)
  return {
    id: row.id,
    applicantCompanyId: row.applicant_company_id,
    applicantName: row.applicant_name,
    accountType: row.account_type,
    accountName: row.account_name,
    promotedSubject: row.promoted_subject,
    industries: JSON.parse(row.industries) as Packet['industries'],
    trademarkIds,
    avatarFit: row.avatar_fit,
    prerequisites: JSON.parse(row.prerequisites) as Packet['prerequisites'],
    notes: row.notes,
    updatedAt: row.updated_at,
  }
}

export function listPackets(db: Database): Packet[] {
  return (db.prepare(`${SELECT} ORDER BY p.updated_at DESC`).all() as PacketRow[]).map((r) =>
    toPacket(db, r),
  )
}

export function getPacket(db: Database, id: string): Packet {
  const row = db.prepare(`${SELECT} AND p.id = ?`).get(id) as PacketRow | undefined
  if (!row) throw new AppError('NOT_FOUND', `找不到资质包 ${id}（可能已被删除）。`)
  return toPacket(db, row)
}

/** Create or update a packet and its trademark list in one transaction. */
export function savePacket(db: Database, input: PacketInput): Packet {
  return db.transaction(() => {
    const applicant = db
      .prepare('SELECT 1 FROM companies WHERE id = ? AND deleted_at IS NULL')
      .get(input.applicantCompanyId)
    if (!applicant)
      throw new AppError(
        'INVALID_ARGUMENT',
        '申请主体（公司）不存在或已被删除',
        'applicantCompanyId',
      )
    for (const [index, id] of input.trademarkIds.entries()) {
      if (!db.prepare('SELECT 1 FROM trademarks WHERE id = ? AND deleted_at IS NULL').get(id)) {
        throw new AppError('INVALID_ARGUMENT', '所选商标不存在或已被删除', `trademarkIds.${index}`)
      }
    }
    const at = now()
    const id = input.id ?? newId('pk')
    const values = [
      input.applicantCompanyId,
      input.accountType,
      input.accountName,
      input.promotedSubject,
      JSON.stringify(input.industries),
      input.avatarFit ?? 'pad',
      JSON.stringify(input.prerequisites ?? {}),
      input.notes ?? '',
      at,
    ]
    if (input.id) {
      getPacket(db, input.id)
      db.prepare(
        `UPDATE packets SET applicant_company_id = ?, account_type = ?, account_name = ?, promoted_subject = ?,
         industries = ?, avatar_fit = ?, prerequisites = ?, notes = ?, updated_at = ? WHERE id = ?`,
      ).run(...values, id)
      db.prepare('DELETE FROM packet_trademarks WHERE packet_id = ?').run(id)
      audit(db, 'edit', 'packet', id)
    } else {
      db.prepare(
        `INSERT INTO packets (applicant_company_id, account_type, account_name, promoted_subject, industries, avatar_fit,
         prerequisites, notes, updated_at, id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(...values, id, at)
      audit(db, 'create', 'packet', id)
    }
    const link = db.prepare(
      'INSERT OR IGNORE INTO packet_trademarks (packet_id, trademark_id) VALUES (?, ?)',
    )
    for (const trademarkId of input.trademarkIds) link.run(id, trademarkId)
    return getPacket(db, id)
  })()
}
