import { reindexDependents } from './search-entries'
import { editedFields } from './edited-fields'
import { todayIn } from '../../../shared/dates'
import { AppError } from '../../../shared/errors'
import { maskIdNumber } from '../../../shared/library/mask'
import type { PersonInput, PersonSummary } from '../../../shared/library/schemas'
import { validateIdDocument, type IdDocumentType } from '../../../shared/validators'
import type { Kysely, Selectable } from 'kysely'
import type { Executor, LibraryStore } from '../storage/library-store'
import type { LibraryTables, PersonsTable } from '../storage/tables'
import { updateVersioned } from '../storage/versioned'
import { recordAudit } from './audit'
import { newId, now } from './ids'

type PersonRow = Pick<
  Selectable<PersonsTable>,
  'id' | 'name' | 'id_type' | 'id_number' | 'nationality' | 'notes' | 'updated_at' | 'version'
>

function toSummary(row: PersonRow): PersonSummary {
  const valid =
    row.id_type && row.id_number
      ? validateIdDocument(row.id_type, row.id_number, todayIn()).valid
      : null
  return {
    id: row.id,
    name: row.name,
    idType: row.id_type,
    idNumberMasked: row.id_number ? maskIdNumber(row.id_number) : null,
    idNumberValid: valid,
    nationality: row.nationality,
    notes: row.notes,
    updatedAt: row.updated_at,
    version: row.version,
  }
}

export async function getStoredRow(db: Kysely<LibraryTables>, id: string): Promise<PersonRow> {
  const row = await db
    .selectFrom('persons')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', '找不到该自然人（可能已被删除）。')
  return row
}

/** By name, in code-point order on either engine (on the storage port). */
export async function listPersons(store: LibraryStore): Promise<PersonSummary[]> {
  const rows = await store.db
    .selectFrom('persons')
    .selectAll()
    .where('deleted_at', 'is', null)
    .execute()
  return rows
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1))
    .map(toSummary)
}

/** The full number, for the one place that shows it; every reveal is audited. */
export async function revealIdNumber(
  store: LibraryStore,
  id: string,
): Promise<{ idNumber: string | null }> {
  return store.db.transaction().execute(async (trx) => {
    const row = await getStoredRow(trx, id)
    await recordAudit(trx, 'reveal_id_number', 'person', id)
    return { idNumber: row.id_number }
  })
}

/** Numbers are normalised and must validate: a wrong number is refused, never stored. */
export async function savePerson(store: LibraryStore, input: PersonInput): Promise<PersonSummary> {
  let idNumber: string | null = null
  const idType = input.idType ?? null
  // An edit that does not touch the number keeps it (the page never holds it): the number
  // and its type are left out of the update, so another clerk's correction is never undone.
  const keepsNumber = input.id !== undefined && input.idNumber === undefined
  if (!keepsNumber && input.idNumber?.trim()) {
    if (!idType) throw new AppError('INVALID_ARGUMENT', '请选择证件类型', 'idType')
    const result = validateIdDocument(idType, input.idNumber, todayIn())
    if (!result.valid)
      throw new AppError('INVALID_ARGUMENT', result.reason ?? '证件号码无效', 'idNumber')
    idNumber = result.normalized
  }
  const fields = {
    name: input.name,
    ...(keepsNumber ? {} : { id_type: idType, id_number: idNumber }),
    nationality: input.nationality ?? '',
    notes: input.notes ?? '',
  }
  return store.db.transaction().execute(async (trx) => {
    const at = now()
    const id = input.id ?? newId('pe')
    if (input.id) {
      await getStoredRow(trx, input.id)
      const edited = await editedFields(trx, 'persons', id, fields)
      await updateVersioned(trx, 'persons', id, input.version, {
        ...fields,
        updated_at: at,
        updated_by: store.actor,
      })
      await recordAudit(trx, 'edit', 'person', id, edited)
    } else {
      await trx
        .insertInto('persons')
        .values({ id, ...fields, created_at: at, updated_at: at, updated_by: store.actor })
        .execute()
      await recordAudit(trx, 'create', 'person', id)
    }
    // ID numbers stay out of the search index: lists never expose them.
    await store.search.index(trx, 'person', id, input.name, [
      input.name,
      input.nationality,
      input.notes,
    ])
    if (input.id) await reindexDependents(store, trx, 'person', id)
    return toSummary(await getStoredRow(trx, id))
  })
}

/** For the rules engine and letters only (never for lists). */
export async function personIdDocument(
  db: Executor,
  id: string,
): Promise<{ type: IdDocumentType; number: string } | null> {
  const row = await getStoredRow(db, id)
  return row.id_type && row.id_number ? { type: row.id_type, number: row.id_number } : null
}
