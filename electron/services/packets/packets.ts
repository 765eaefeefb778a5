import { AppError } from '../../../shared/errors'
import type { Packet, PacketInput } from '../../../shared/library/schemas'
import { recordAudit } from '../library/audit'
import { newId, now } from '../library/ids'
import type { Executor, LibraryStore } from '../storage/library-store'
import { onPostgres } from '../storage/locks'
import { updateVersioned } from '../storage/versioned'

/** Packets with their applicant's name, live rows only (on the storage port). */
function selectPackets(db: Executor) {
  return db
    .selectFrom('packets as p')
    .innerJoin('companies as c', 'c.id', 'p.applicant_company_id')
    .selectAll('p')
    .select('c.name as applicant_name')
    .where('p.deleted_at', 'is', null)
}

type PacketRow = Awaited<ReturnType<ReturnType<typeof selectPackets>['executeTakeFirstOrThrow']>>

/** Each packet's trademarks, in the order the clerk added them (migration 0012). */
async function trademarkIdsOf(db: Executor, packetIds: string[]): Promise<Map<string, string[]>> {
  const byPacket = new Map<string, string[]>(packetIds.map((id) => [id, []]))
  if (packetIds.length === 0) return byPacket
  const rows = await db
    .selectFrom('packet_trademarks')
    .select(['packet_id', 'trademark_id'])
    .where('packet_id', 'in', packetIds)
    .orderBy('position')
    .orderBy('trademark_id')
    .execute()
  for (const row of rows) byPacket.get(row.packet_id)?.push(row.trademark_id)
  return byPacket
}

function toPacket(row: PacketRow, trademarkIds: string[]): Packet {
  return {
    id: row.id,
    applicantCompanyId: row.applicant_company_id,
    applicantName: row.applicant_name,
    accountType: row.account_type,
    accountName: row.account_name,
    promotedSubject: row.promoted_subject,
    industries: JSON.parse(row.industries) as Packet['industries'],
    accountIndustry:
      row.account_industry === null
        ? null
        : (JSON.parse(row.account_industry) as Packet['accountIndustry']),
    trademarkIds,
    avatarFit: row.avatar_fit,
    prerequisites: JSON.parse(row.prerequisites) as Packet['prerequisites'],
    notes: row.notes,
    updatedAt: row.updated_at,
    version: row.version,
  }
}

/** Most recently changed first. */
export async function listPackets(db: Executor): Promise<Packet[]> {
  const rows = await selectPackets(db).orderBy('p.updated_at', 'desc').orderBy('p.id').execute()
  const marks = await trademarkIdsOf(
    db,
    rows.map((r) => r.id),
  )
  return rows.map((r) => toPacket(r, marks.get(r.id) ?? []))
}

export async function getPacket(db: Executor, id: string): Promise<Packet> {
  const row = await selectPackets(db).where('p.id', '=', id).executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', `找不到资质包 ${id}（可能已被删除）。`)
  return toPacket(row, (await trademarkIdsOf(db, [id])).get(id) ?? [])
}

/** Create or update a packet and its trademark list in one transaction. */
export async function savePacket(store: LibraryStore, input: PacketInput): Promise<Packet> {
  return store.db.transaction().execute(async (trx) => {
    const applicant = await trx
      .selectFrom('companies')
      .select('id')
      .where('id', '=', input.applicantCompanyId)
      .where('deleted_at', 'is', null)
      .$if(onPostgres(trx), (qb) => qb.forShare())
      .executeTakeFirst()
    if (!applicant)
      throw new AppError(
        'INVALID_ARGUMENT',
        '申请主体（公司）不存在或已被删除',
        'applicantCompanyId',
      )
    for (const [index, id] of input.trademarkIds.entries()) {
      const mark = await trx
        .selectFrom('trademarks')
        .select('id')
        .where('id', '=', id)
        .where('deleted_at', 'is', null)
        .$if(onPostgres(trx), (qb) => qb.forShare())
        .executeTakeFirst()
      if (!mark) {
        throw new AppError('INVALID_ARGUMENT', '所选商标不存在或已被删除', `trademarkIds.${index}`)
      }
    }
    const at = now()
    const id = input.id ?? newId('pk')
    const fields = {
      applicant_company_id: input.applicantCompanyId,
      account_type: input.accountType,
      account_name: input.accountName,
      promoted_subject: input.promotedSubject,
      industries: JSON.stringify(input.industries),
      // A save without it keeps the stored 行业类别 (issue 13 item 15).
      ...(input.accountIndustry === undefined
        ? {}
        : {
            account_industry:
              input.accountIndustry === null ? null : JSON.stringify(input.accountIndustry),
          }),
      avatar_fit: input.avatarFit ?? 'pad',
      prerequisites: JSON.stringify(input.prerequisites ?? {}),
      // The wizard does not edit notes: a save without them keeps the stored ones.
      ...(input.notes === undefined ? {} : { notes: input.notes }),
      updated_at: at,
      updated_by: store.actor,
    }
    if (input.id) {
      await getPacket(trx, input.id)
      await updateVersioned(trx, 'packets', id, input.version, fields)
      await trx.deleteFrom('packet_trademarks').where('packet_id', '=', id).execute()
      await recordAudit(trx, 'edit', 'packet', id)
    } else {
      await trx
        .insertInto('packets')
        .values({ id, ...fields, notes: input.notes ?? '', created_at: at })
        .execute()
      await recordAudit(trx, 'create', 'packet', id)
    }
    const unique = [...new Set(input.trademarkIds)]
    if (unique.length > 0) {
      await trx
        .insertInto('packet_trademarks')
        .values(
          unique.map((trademarkId, position) => ({
            packet_id: id,
            trademark_id: trademarkId,
            position,
          })),
        )
        .execute()
    }
    return getPacket(trx, id)
  })
}
