import { indexRelation } from './search-entries'
import { editedFields } from './edited-fields'
import { AppError } from '../../../shared/errors'
import type { Relation, RelationInput } from '../../../shared/library/schemas'
import type { Executor, LibraryStore } from '../storage/library-store'
import { onPostgres } from '../storage/locks'
import { updateVersioned } from '../storage/versioned'
import { recordAudit } from './audit'
import { ID_CHUNK, newId, now } from './ids'

/** Relations with both ends' names, live rows only (on the storage port). */
function selectRelations(db: Executor) {
  return db
    .selectFrom('relations as r')
    .leftJoin('companies as fc', 'fc.id', 'r.from_company_id')
    .leftJoin('persons as fp', 'fp.id', 'r.from_person_id')
    .innerJoin('companies as tc', 'tc.id', 'r.to_company_id')
    .selectAll('r')
    .select((eb) => [eb.fn.coalesce('fc.name', 'fp.name').as('from_name'), 'tc.name as to_name'])
    .where('r.deleted_at', 'is', null)
}

type RelationRow = Awaited<
  ReturnType<ReturnType<typeof selectRelations>['executeTakeFirstOrThrow']>
>

function toRelation(row: RelationRow): Relation {
  return {
    id: row.id,
    type: row.type,
    from: {
      kind: row.from_company_id ? 'company' : 'person',
      id: row.from_company_id ?? row.from_person_id ?? '',
      name: row.from_name ?? '',
    },
    to: { id: row.to_company_id, name: row.to_name },
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    notes: row.notes,
    version: row.version,
  }
}

/** Grouped by type, then oldest first: the same order on both engines. */
export async function listRelations(db: Executor, entityId?: string): Promise<Relation[]> {
  let query = selectRelations(db)
  if (entityId) {
    query = query.where((eb) =>
      eb.or([
        eb('r.from_company_id', '=', entityId),
        eb('r.from_person_id', '=', entityId),
        eb('r.to_company_id', '=', entityId),
      ]),
    )
  }
  const rows = await query.orderBy('r.type').orderBy('r.created_at').orderBy('r.id').execute()
  return rows.map(toRelation)
}

/**
 * Live relations with an end among `ids`, in listRelations' order: a packet's neighbourhood
 * (its scenario) without reading the whole table, which a big library makes ~40 ms per packet.
 */
export async function listRelationsTouching(
  db: Executor,
  ids: Iterable<string>,
): Promise<Relation[]> {
  const wanted = [...new Set(ids)]
  if (wanted.length === 0) return []
  const rows = await selectRelations(db)
    .where((eb) =>
      eb.or([
        eb('r.from_company_id', 'in', wanted),
        eb('r.from_person_id', 'in', wanted),
        eb('r.to_company_id', 'in', wanted),
      ]),
    )
    .orderBy('r.type')
    .orderBy('r.created_at')
    .orderBy('r.id')
    .execute()
  return rows.map(toRelation)
}

/** Live relations by id, for look-ups (those not found are left out; no particular order). */
export async function listRelationsByIds(db: Executor, ids: Iterable<string>): Promise<Relation[]> {
  const wanted = [...new Set(ids)]
  const relations: Relation[] = []
  for (let start = 0; start < wanted.length; start += ID_CHUNK) {
    const rows = await selectRelations(db)
      .where('r.id', 'in', wanted.slice(start, start + ID_CHUNK))
      .execute()
    relations.push(...rows.map(toRelation))
  }
  return relations
}

export async function getRelation(db: Executor, id: string): Promise<Relation> {
  const row = await selectRelations(db).where('r.id', '=', id).executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', '找不到该关系（可能已被删除）。')
  return toRelation(row)
}

async function isLive(db: Executor, table: 'companies' | 'persons', id: string): Promise<boolean> {
  const row = await db
    .selectFrom(table)
    .select('id')
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    // Held until this save commits: a clerk deleting it meanwhile waits (storage/locks.ts).
    .$if(onPostgres(db), (qb) => qb.forShare())
    .executeTakeFirst()
  return row !== undefined
}

export async function saveRelation(store: LibraryStore, input: RelationInput): Promise<Relation> {
  return store.db.transaction().execute((trx) => saveRelationIn(store, trx, input))
}

/** The same, inside the caller's transaction (a find-or-create holds its lock across both). */
export async function saveRelationIn(
  store: LibraryStore,
  trx: Executor,
  input: RelationInput,
): Promise<Relation> {
  if (input.from.kind === 'person' && input.type !== 'authorization') {
    throw new AppError('INVALID_ARGUMENT', '自然人只能作为授权书的授权方', 'from')
  }
  if (input.from.id === input.toCompanyId) {
    throw new AppError('INVALID_ARGUMENT', '关系的两方不能是同一主体', 'toCompanyId')
  }
  if (input.validFrom && input.validUntil && input.validUntil < input.validFrom) {
    throw new AppError('INVALID_ARGUMENT', '有效期截止日早于起始日', 'validUntil')
  }
  const fromTable = input.from.kind === 'company' ? 'companies' : 'persons'
  if (!(await isLive(trx, fromTable, input.from.id))) {
    throw new AppError('INVALID_ARGUMENT', '授权方不存在或已被删除', 'from')
  }
  if (!(await isLive(trx, 'companies', input.toCompanyId))) {
    throw new AppError('INVALID_ARGUMENT', '被授权方不存在或已被删除', 'toCompanyId')
  }
  const at = now()
  const id = input.id ?? newId('re')
  const fields = {
    type: input.type,
    from_company_id: input.from.kind === 'company' ? input.from.id : null,
    from_person_id: input.from.kind === 'person' ? input.from.id : null,
    to_company_id: input.toCompanyId,
    valid_from: input.validFrom ?? null,
    valid_until: input.validUntil ?? null,
    notes: input.notes ?? '',
    updated_at: at,
    updated_by: store.actor,
  }
  if (input.id) {
    await getRelation(trx, input.id)
    const edited = await editedFields(trx, 'relations', id, fields)
    await updateVersioned(trx, 'relations', id, input.version, fields)
    await recordAudit(trx, 'edit', 'relation', id, edited)
  } else {
    await trx
      .insertInto('relations')
      .values({ id, ...fields, created_at: at })
      .execute()
    await recordAudit(trx, 'create', 'relation', id)
  }
  await indexRelation(store, trx, id)
  return getRelation(trx, id)
}
