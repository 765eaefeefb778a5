import {
  industryEntrySchema,
  type IndustryCatalog,
  type IndustryEntry,
} from '../../shared/industries/catalog'
import { recordAudit } from './library/audit'
import { now } from './library/ids'
import type { Executor, LibraryStore } from './storage/library-store'

const key = (e: { primary: string; secondary: string }) => `${e.primary}\u0000${e.secondary}`

/**
 * The catalog the rules use: the shipped starter catalog with the user's
 * entries laid over it (added, replaced or hidden).
 */
export async function mergedCatalog(
  db: Executor,
  starter: IndustryCatalog,
): Promise<IndustryCatalog> {
  const rows = await db
    .selectFrom('user_industries')
    .selectAll()
    .orderBy('primary_name')
    .orderBy('secondary_name')
    .execute()
  const hidden = new Set(
    rows
      .filter((r) => r.hidden === 1)
      .map((r) => key({ primary: r.primary_name, secondary: r.secondary_name })),
  )
  const own = new Map<string, IndustryEntry>()
  for (const row of rows) {
    if (row.hidden === 1 || !row.entry) continue
    const parsed = industryEntrySchema.safeParse(JSON.parse(row.entry))
    if (parsed.success) own.set(key(parsed.data), parsed.data)
  }
  const industries = starter.industries
    .filter((e) => !hidden.has(key(e)))
    .map((e) => own.get(key(e)) ?? e)
  for (const [k, entry] of own)
    if (!starter.industries.some((e) => key(e) === k)) industries.push(entry)
  return { ...starter, industries }
}

/** Save the user's version of an entry (confidence becomes 'user'). */
export async function saveUserIndustry(store: LibraryStore, entry: IndustryEntry): Promise<void> {
  const value: IndustryEntry = { ...entry, confidence: 'user' }
  await store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('user_industries')
      .values({
        primary_name: entry.primary,
        secondary_name: entry.secondary,
        entry: JSON.stringify(value),
        hidden: 0,
        updated_at: now(),
      })
      .onConflict((oc) =>
        oc.columns(['primary_name', 'secondary_name']).doUpdateSet((eb) => ({
          entry: eb.ref('excluded.entry'),
          hidden: 0,
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute()
    await recordAudit(trx, 'edit', 'industry', `${entry.primary}/${entry.secondary}`)
  })
}

/** Hide an entry, or drop the user's version so the starter one shows again. */
export async function removeUserIndustry(
  store: LibraryStore,
  primary: string,
  secondary: string,
  hide: boolean,
): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    if (hide) {
      await trx
        .insertInto('user_industries')
        .values({
          primary_name: primary,
          secondary_name: secondary,
          entry: null,
          hidden: 1,
          updated_at: now(),
        })
        .onConflict((oc) =>
          oc.columns(['primary_name', 'secondary_name']).doUpdateSet((eb) => ({
            entry: null,
            hidden: 1,
            updated_at: eb.ref('excluded.updated_at'),
          })),
        )
        .execute()
    } else {
      await trx
        .deleteFrom('user_industries')
        .where('primary_name', '=', primary)
        .where('secondary_name', '=', secondary)
        .execute()
    }
    await recordAudit(trx, 'delete', 'industry', `${primary}/${secondary}`)
  })
}

/** Entries the user changed, so the UI can offer "restore the starter version". */
export async function userIndustryKeys(
  db: Executor,
): Promise<{ primary: string; secondary: string; hidden: boolean }[]> {
  const rows = await db
    .selectFrom('user_industries')
    .select(['primary_name', 'secondary_name', 'hidden'])
    .orderBy('primary_name')
    .orderBy('secondary_name')
    .execute()
  return rows.map((r) => ({
    primary: r.primary_name,
    secondary: r.secondary_name,
    hidden: r.hidden === 1,
  }))
}
