import { AppError } from '../../../shared/errors'
import type { DeletedItem } from '../../../shared/library/schemas'
import { requirementLabel } from '../../../shared/rules/requirement-derive'
import { RELATION_TYPE_LABELS, type RelationType } from '../../../shared/i18n/labels'
import type { Executor, LibraryStore } from '../storage/library-store'
import { onPostgres } from '../storage/locks'
import { OWNER_TABLES } from './documents'
import { recordAudit } from './audit'
import { now } from './ids'
import { reindexEntity } from './reindex'

export type DeletableKind = DeletedItem['kind']

/** The table of each kind of row the recycle bin holds (purge.ts erases from the same). */
export const TABLE = {
  company: 'companies',
  person: 'persons',
  trademark: 'trademarks',
  relation: 'relations',
  document: 'documents',
  packet: 'packets',
} as const satisfies Record<DeletableKind, string>

const relationLabel = (type: string): string =>
  Object.hasOwn(RELATION_TYPE_LABELS, type)
    ? RELATION_TYPE_LABELS[type as RelationType].relation.zh
    : type

/** Live rows that depend on the entity, as Chinese phrases naming them. */
async function dependantsOf(db: Executor, kind: DeletableKind, id: string): Promise<string[]> {
  const out: string[] = []
  if (kind === 'company' || kind === 'person') {
    const marks = await db
      .selectFrom('trademarks')
      .select(['text', 'reg_no'])
      .where('deleted_at', 'is', null)
      .where((eb) =>
        kind === 'company'
          ? eb.or([eb('registrant_company_id', '=', id), eb('transferee_company_id', '=', id)])
          : eb('registrant_person_id', '=', id),
      )
      .execute()
    out.push(...marks.map((t) => `商标“${t.text}”（${t.reg_no}）`))
    const relations = await db
      .selectFrom('relations')
      .select('type')
      .where('deleted_at', 'is', null)
      .where((eb) =>
        eb.or([
          eb('from_company_id', '=', id),
          eb('from_person_id', '=', id),
          eb('to_company_id', '=', id),
        ]),
      )
      .execute()
    out.push(...relations.map((r) => relationLabel(r.type)))
  }
  // A packet's own documents (its avatar) go to the bin with it.
  if (kind !== 'document' && kind !== 'packet') {
    const { n } = await db
      .selectFrom('documents')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('deleted_at', 'is', null)
      .where('owner_kind', '=', kind)
      .where('owner_id', '=', id)
      .executeTakeFirstOrThrow()
    if (Number(n) > 0) out.push(`${Number(n)} 份文件`)
  }
  if (kind === 'company') {
    const packets = await db
      .selectFrom('packets')
      .select('account_name')
      .where('deleted_at', 'is', null)
      .where('applicant_company_id', '=', id)
      .execute()
    out.push(...packets.map((p) => `资质包“${p.account_name}”`))
  }
  if (kind === 'trademark') {
    const packets = await db
      .selectFrom('packets as p')
      .innerJoin('packet_trademarks as pt', 'pt.packet_id', 'p.id')
      .select('p.account_name')
      .where('p.deleted_at', 'is', null)
      .where('pt.trademark_id', '=', id)
      .execute()
    out.push(...packets.map((p) => `资质包“${p.account_name}”`))
  }
  return out
}

async function isLive(db: Executor, kind: DeletableKind, id: string): Promise<boolean> {
  const row = await db
    .selectFrom(TABLE[kind])
    .select('id')
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    // Held while its dependants are counted: a clerk adding one meanwhile (holding it FOR
    // SHARE) finishes first and is counted, or waits and finds it deleted (storage/locks.ts).
    .$if(onPostgres(db), (qb) => qb.forUpdate())
    .executeTakeFirst()
  return row !== undefined
}

/** Move to the recycle bin, refusing while something depends on it. */
export async function softDelete(
  store: LibraryStore,
  kind: DeletableKind,
  id: string,
): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    if (!(await isLive(trx, kind, id))) {
      throw new AppError('NOT_FOUND', '找不到要删除的记录（可能已被删除）。')
    }
    const dependants = await dependantsOf(trx, kind, id)
    if (dependants.length > 0) {
      throw new AppError(
        'CONFLICT',
        `无法删除：以下记录仍在使用它：${dependants.slice(0, 10).join('、')}。请先删除或改动它们。`,
      )
    }
    await trx
      .updateTable(TABLE[kind])
      .set({ deleted_at: now(), updated_by: store.actor })
      .where('id', '=', id)
      .execute()
    await store.search.unindex(trx, kind, id)
    await recordAudit(trx, 'delete', kind, id)
  })
}

/** What the bin shows, most recently deleted first. */
export async function listDeleted(db: Executor): Promise<DeletedItem[]> {
  const deleted = (table: 'companies' | 'persons') =>
    db
      .selectFrom(table)
      .select(['id', 'name', 'deleted_at'])
      .where('deleted_at', 'is not', null)
      .execute()
  const items: DeletedItem[] = [
    ...(await deleted('companies')).map((r) => ({
      kind: 'company' as const,
      id: r.id,
      title: r.name,
      deletedAt: r.deleted_at ?? '',
    })),
    ...(await deleted('persons')).map((r) => ({
      kind: 'person' as const,
      id: r.id,
      title: r.name,
      deletedAt: r.deleted_at ?? '',
    })),
    ...(
      await db
        .selectFrom('trademarks')
        .select(['id', 'text', 'reg_no', 'deleted_at'])
        .where('deleted_at', 'is not', null)
        .execute()
    ).map((r) => ({
      kind: 'trademark' as const,
      id: r.id,
      title: `${r.text}（${r.reg_no}）`,
      deletedAt: r.deleted_at ?? '',
    })),
    // Documents and relations are stored by id and type: show what they are called.
    ...(
      await db
        .selectFrom('relations')
        .select(['id', 'type', 'deleted_at'])
        .where('deleted_at', 'is not', null)
        .execute()
    ).map((r) => ({
      kind: 'relation' as const,
      id: r.id,
      title: relationLabel(r.type),
      deletedAt: r.deleted_at ?? '',
    })),
    ...(
      await db
        .selectFrom('documents')
        .select(['id', 'requirement', 'deleted_at'])
        .where('deleted_at', 'is not', null)
        .execute()
    ).map((r) => ({
      kind: 'document' as const,
      id: r.id,
      title: requirementLabel(r.requirement),
      deletedAt: r.deleted_at ?? '',
    })),
    // Packets by their account name (issue 13 item 7).
    ...(
      await db
        .selectFrom('packets')
        .select(['id', 'account_name', 'deleted_at'])
        .where('deleted_at', 'is not', null)
        .execute()
    ).map((r) => ({
      kind: 'packet' as const,
      id: r.id,
      title: r.account_name,
      deletedAt: r.deleted_at ?? '',
    })),
  ]
  return items.sort((a, b) =>
    a.deletedAt !== b.deletedAt ? (a.deletedAt < b.deletedAt ? 1 : -1) : a.id < b.id ? -1 : 1,
  )
}

/** Deleted rows a row needs (its registrant, endpoints or owner), named for the message. */
async function deletedParents(db: Executor, kind: DeletableKind, id: string): Promise<string[]> {
  const deletedName = async (table: 'companies' | 'persons', parentId: string | null) => {
    if (!parentId) return null
    const row = await db
      .selectFrom(table)
      .select('name')
      .where('id', '=', parentId)
      .where('deleted_at', 'is not', null)
      .executeTakeFirst()
    return row?.name ?? null
  }
  const names: (string | null)[] = []
  if (kind === 'trademark') {
    const t = await db
      .selectFrom('trademarks')
      .select(['registrant_company_id', 'registrant_person_id', 'transferee_company_id'])
      .where('id', '=', id)
      .executeTakeFirst()
    if (t) {
      names.push(
        await deletedName('companies', t.registrant_company_id),
        await deletedName('persons', t.registrant_person_id),
        await deletedName('companies', t.transferee_company_id),
      )
    }
  } else if (kind === 'relation') {
    const r = await db
      .selectFrom('relations')
      .select(['from_company_id', 'from_person_id', 'to_company_id'])
      .where('id', '=', id)
      .executeTakeFirst()
    if (r) {
      names.push(
        await deletedName('companies', r.from_company_id),
        await deletedName('persons', r.from_person_id),
        await deletedName('companies', r.to_company_id),
      )
    }
  } else if (kind === 'packet') {
    const p = await db
      .selectFrom('packets')
      .select('applicant_company_id')
      .where('id', '=', id)
      .executeTakeFirst()
    if (p) names.push(await deletedName('companies', p.applicant_company_id))
    const marks = await db
      .selectFrom('packet_trademarks as pt')
      .innerJoin('trademarks as t', 't.id', 'pt.trademark_id')
      .select(['t.text', 't.reg_no'])
      .where('pt.packet_id', '=', id)
      .where('t.deleted_at', 'is not', null)
      .execute()
    names.push(...marks.map((t) => `商标“${t.text}”（${t.reg_no}）`))
  } else if (kind === 'document') {
    const d = await db
      .selectFrom('documents')
      .select(['owner_kind', 'owner_id'])
      .where('id', '=', id)
      .executeTakeFirst()
    if (d) {
      const owner = await db
        .selectFrom(OWNER_TABLES[d.owner_kind])
        .select('id')
        .where('id', '=', d.owner_id)
        .where('deleted_at', 'is not', null)
        .executeTakeFirst()
      if (owner) names.push('该文件所属的记录')
    }
  }
  return names.filter((n): n is string => n !== null)
}

/** Take a row out of the bin (refused while what it needs is still in there), re-indexed. */
export async function restoreDeleted(
  store: LibraryStore,
  kind: DeletableKind,
  id: string,
): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    const parents = await deletedParents(trx, kind, id)
    if (parents.length > 0) {
      throw new AppError(
        'CONFLICT',
        `无法恢复：它依赖的 ${parents.join('、')} 也在回收站中，请先恢复它们。`,
      )
    }
    const result = await trx
      .updateTable(TABLE[kind])
      .set({ deleted_at: null, updated_by: store.actor })
      .where('id', '=', id)
      .where('deleted_at', 'is not', null)
      .executeTakeFirst()
    if (Number(result.numUpdatedRows) === 0) {
      throw new AppError('NOT_FOUND', '回收站中没有这条记录。')
    }
    await recordAudit(trx, 'restore', kind, id)
    await reindexEntity(store, trx, kind, id)
  })
}
