import { reindexDependents } from './search-entries'
import { editedFields } from './edited-fields'
import type { Kysely, Selectable } from 'kysely'
import type { Company, CompanyInput } from '../../../shared/library/schemas'
import { validateUscc } from '../../../shared/validators/uscc'
import { AppError } from '../../../shared/errors'
import type { LibraryStore } from '../storage/library-store'
import type { CompaniesTable, LibraryTables } from '../storage/tables'
import { updateVersioned } from '../storage/versioned'
import { recordAudit } from './audit'
import { newId, now } from './ids'

/**
 * Companies, on the storage port: the same code runs on the embedded SQLite library and on the
 * team's PostgreSQL one (tests/unit/storage run it on both).
 */
function toCompany(row: Selectable<CompaniesTable>): Company {
  return {
    id: row.id,
    name: row.name,
    region: row.region,
    uscc: row.uscc,
    usccOverrideReason: row.uscc_override,
    businessScope: row.business_scope,
    notes: row.notes,
    updatedAt: row.updated_at,
    version: row.version,
  }
}

/** By name, in code-point order on either engine (a database collation would differ). */
export async function listCompanies(store: LibraryStore): Promise<Company[]> {
  const rows = await store.db
    .selectFrom('companies')
    .selectAll()
    .where('deleted_at', 'is', null)
    .execute()
  return rows
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1))
    .map(toCompany)
}

export async function getCompany(db: Kysely<LibraryTables>, id: string): Promise<Company> {
  const row = await db
    .selectFrom('companies')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', '找不到该公司（可能已被删除）。')
  return toCompany(row)
}

/**
 * Create or update a company. A domestic USCC is normalised; one failing
 * GB 32100's check is kept only with a recorded reason (RULES.md §5: a warning).
 */
export async function saveCompany(store: LibraryStore, input: CompanyInput): Promise<Company> {
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
  const fields = {
    name: input.name,
    region: input.region,
    uscc: uscc ?? null,
    uscc_override: override,
    business_scope: input.businessScope ?? '',
    notes: input.notes ?? '',
  }
  return store.db.transaction().execute(async (trx) => {
    const at = now()
    const id = input.id ?? newId('co')
    if (input.id) {
      await getCompany(trx, input.id)
      const edited = await editedFields(trx, 'companies', id, fields)
      await updateVersioned(trx, 'companies', id, input.version, {
        ...fields,
        updated_at: at,
        updated_by: store.actor,
      })
      await recordAudit(trx, 'edit', 'company', id, edited)
    } else {
      await trx
        .insertInto('companies')
        .values({ id, ...fields, created_at: at, updated_at: at, updated_by: store.actor })
        .execute()
      await recordAudit(trx, 'create', 'company', id)
    }
    if (override) await recordAudit(trx, 'uscc_override', 'company', id, override.slice(0, 200))
    await store.search.index(trx, 'company', id, input.name, [
      input.name,
      uscc,
      input.businessScope,
      input.notes,
    ])
    // Packets and relations are found by this company's name too.
    if (input.id) await reindexDependents(store, trx, 'company', id)
    return getCompany(trx, id)
  })
}
