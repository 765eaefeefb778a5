import { AppError } from '../../../shared/errors'
import type { Trademark, TrademarkInput } from '../../../shared/library/schemas'
import { validateTrademarkNo } from '../../../shared/validators/trademark-no'
import type { Executor, LibraryStore } from '../storage/library-store'
import { onPostgres } from '../storage/locks'
import { byCodePoint } from '../storage/order'
import { updateVersioned } from '../storage/versioned'
import { recordAudit } from './audit'
import { newId, now } from './ids'

/** Trademarks with their registrant's name, live rows only (on the storage port). */
function selectTrademarks(db: Executor) {
  return db
    .selectFrom('trademarks as t')
    .leftJoin('companies as c', 'c.id', 't.registrant_company_id')
    .leftJoin('persons as p', 'p.id', 't.registrant_person_id')
    .selectAll('t')
    .select((eb) => eb.fn.coalesce('c.name', 'p.name').as('registrant_name'))
    .where('t.deleted_at', 'is', null)
}

type TrademarkRow = Awaited<
  ReturnType<ReturnType<typeof selectTrademarks>['executeTakeFirstOrThrow']>
>

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
    queryDate: row.query_date,
    notes: row.notes,
    updatedAt: row.updated_at,
    version: row.version,
  }
}

/** By the mark's text, in code-point order on either engine; only `ids` when given. */
export async function listTrademarks(db: Executor, ids?: readonly string[]): Promise<Trademark[]> {
  if (ids?.length === 0) return []
  const rows = await selectTrademarks(db)
    .$if(ids !== undefined, (qb) => qb.where('t.id', 'in', [...(ids ?? [])]))
    .execute()
  return rows.sort(byCodePoint((r) => r.text)).map(toTrademark)
}

export async function getTrademark(db: Executor, id: string): Promise<Trademark> {
  const row = await selectTrademarks(db).where('t.id', '=', id).executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', '找不到该商标（可能已被删除）。')
  return toTrademark(row)
}

async function assertExists(
  db: Executor,
  table: 'companies' | 'persons',
  id: string,
  field: string,
): Promise<void> {
  const row = await db
    .selectFrom(table)
    .select('id')
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    // Held until this save commits: a clerk deleting it meanwhile waits (storage/locks.ts).
    .$if(onPostgres(db), (qb) => qb.forShare())
    .executeTakeFirst()
  if (!row) throw new AppError('INVALID_ARGUMENT', '所选主体不存在或已被删除', field)
}

export async function saveTrademark(
  store: LibraryStore,
  input: TrademarkInput,
): Promise<Trademark> {
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
  return store.db.transaction().execute(async (trx) => {
    const { kind, id: registrantId } = input.registrant
    await assertExists(
      trx,
      kind === 'company' ? 'companies' : 'persons',
      registrantId,
      'registrant',
    )
    if (input.transfereeCompanyId)
      await assertExists(trx, 'companies', input.transfereeCompanyId, 'transfereeCompanyId')
    const at = now()
    const id = input.id ?? newId('tm')
    const fields = {
      reg_no: regNo,
      text: input.text,
      class: input.class ?? null,
      registrant_company_id: kind === 'company' ? registrantId : null,
      registrant_person_id: kind === 'person' ? registrantId : null,
      status: input.status,
      valid_until: input.validUntil ?? null,
      acceptance_date: input.acceptanceDate ?? null,
      transferee_company_id: input.transfereeCompanyId ?? null,
      official_registrant_differs: input.officialRegistrantDiffers ?? null,
      // A save without it (e.g. a scan's reading) keeps the stored 查询日期.
      ...(input.queryDate === undefined ? {} : { query_date: input.queryDate }),
      notes: input.notes ?? '',
      updated_at: at,
      updated_by: store.actor,
    }
    if (input.id) {
      await getTrademark(trx, input.id)
      await updateVersioned(trx, 'trademarks', id, input.version, fields)
      await recordAudit(trx, 'edit', 'trademark', id)
    } else {
      await trx
        .insertInto('trademarks')
        .values({ id, ...fields, created_at: at })
        .execute()
      await recordAudit(trx, 'create', 'trademark', id)
    }
    await store.search.index(trx, 'trademark', id, `${input.text}（${regNo}）`, [
      input.text,
      regNo,
      input.notes,
    ])
    return getTrademark(trx, id)
  })
}
