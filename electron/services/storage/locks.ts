import { PostgresAdapter, sql } from 'kysely'
import type { Executor } from './library-store'

/**
 * Row locks where the engines differ. SQLite runs one writing transaction at a time, so a
 * check-then-write inside one is safe as it is; PostgreSQL (READ COMMITTED) runs clerks'
 * transactions side by side, so a parent checked "live" must be held (FOR SHARE) until the
 * child row commits, and a row being deleted must be held (FOR UPDATE) while its dependants are
 * counted — the two then wait for each other instead of both succeeding.
 */
export function onPostgres(db: Executor): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}

/**
 * Serialise find-or-create of one thing (say a relation) across clerks, for the rest of the
 * transaction: a transaction-scoped advisory lock on PostgreSQL; nothing needed on SQLite.
 */
export async function lockKey(db: Executor, key: string): Promise<void> {
  if (!onPostgres(db)) return
  await sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`.execute(db)
}
