import { indexPacket } from '../library/search-entries'
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
    archived: row.archived === 1,
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
    await indexPacket(store, trx, id)
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

/**
 * A new account for the same advertiser (issue 13 item 7): a copy of the packet — applicant,
 * account type, promoted subject, industries, trademarks, avatar fit, prerequisites, notes and
 * its own documents (the avatar: a new row on the same stored file) — under a new account name,
 * without its submissions, exports or letters, and not archived.
 */
export async function duplicatePacket(
  store: LibraryStore,
  sourceId: string,
  accountName: string,
): Promise<Packet> {
  const name = accountName.trim()
  return store.db.transaction().execute(async (trx) => {
    const source = await getPacket(trx, sourceId)
    const taken = await trx
      .selectFrom('packets')
      .select('id')
      .where('deleted_at', 'is', null)
      .where('account_name', '=', name)
      .executeTakeFirst()
    if (taken) {
      throw new AppError(
        'CONFLICT',
        `已有账号名称为“${name}”的资质包，请换一个名称。`,
        'accountName',
      )
    }
    const row = await trx
      .selectFrom('packets')
      .selectAll()
      .where('id', '=', sourceId)
      .executeTakeFirstOrThrow()
    const at = now()
    const id = newId('pk')
    await trx
      .insertInto('packets')
      .values({
        id,
        applicant_company_id: row.applicant_company_id,
        account_type: row.account_type,
        account_name: name,
        promoted_subject: row.promoted_subject,
        industries: row.industries,
        account_industry: row.account_industry,
        avatar_fit: row.avatar_fit,
        prerequisites: row.prerequisites,
        notes: row.notes,
        created_at: at,
        updated_at: at,
        updated_by: store.actor,
      })
      .execute()
    if (source.trademarkIds.length > 0) {
      await trx
        .insertInto('packet_trademarks')
        .values(
          source.trademarkIds.map((trademarkId, position) => ({
            packet_id: id,
            trademark_id: trademarkId,
            position,
          })),
        )
        .execute()
    }
    const documents = await trx
      .selectFrom('documents')
      .selectAll()
      .where('owner_kind', '=', 'packet')
      .where('owner_id', '=', sourceId)
      .where('deleted_at', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .execute()
    for (const doc of documents) {
      await trx
        .insertInto('documents')
        .values({
          id: newId('do'),
          requirement: doc.requirement,
          owner_kind: 'packet',
          owner_id: id,
          subject: doc.subject,
          catalog_name: doc.catalog_name,
          file_sha256: doc.file_sha256,
          issued_on: doc.issued_on,
          valid_until: doc.valid_until,
          notes: doc.notes,
          original_name: doc.original_name,
          preferred_at: doc.preferred_at,
          created_at: at,
          updated_at: at,
          updated_by: store.actor,
        })
        .execute()
    }
    // Found by search like any packet (issue 13 item 14).
    await indexPacket(store, trx, id)
    await recordAudit(trx, 'create', 'packet', id, `copy of ${sourceId}`)
    return getPacket(trx, id)
  })
}

/** 归档 / 取消归档: only the flag changes (the packet stays as it is, 更新时间 too). */
export async function setPacketArchived(
  store: LibraryStore,
  id: string,
  archived: boolean,
): Promise<Packet> {
  return store.db.transaction().execute(async (trx) => {
    await getPacket(trx, id)
    await trx
      .updateTable('packets')
      .set({ archived: archived ? 1 : 0, updated_by: store.actor })
      .where('id', '=', id)
      .execute()
    await recordAudit(trx, 'edit', 'packet', id, archived ? 'archived' : 'unarchived')
    return getPacket(trx, id)
  })
}
