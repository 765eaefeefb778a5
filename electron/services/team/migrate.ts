import type pg from 'pg'
import { AppError } from '../../../shared/errors'
import { inTransaction } from './connect'
import { LATEST_PG_SCHEMA_VERSION, PG_MIGRATIONS } from './migrations'
import type { PgMigration } from './migrations/migration'

/** Serialises migrations of one database: two `team init` at once apply each step once. */
const MIGRATION_LOCK = 7_370_001

/** The team library's schema version (0: none yet). */
export async function teamSchemaVersion(client: pg.Client): Promise<number> {
  const exists = await client.query<{ found: string | null }>(
    "SELECT to_regclass('schema_migrations')::text AS found",
  )
  if (!exists.rows[0]?.found) return 0
  const result = await client.query<{ v: number | null }>(
    'SELECT max(version) AS v FROM schema_migrations',
  )
  return result.rows[0]?.v ?? 0
}

/** Refuse a team library made by a newer PacketDesk, as the SQLite library does. */
export function assertTeamNotNewer(version: number, latest = LATEST_PG_SCHEMA_VERSION): void {
  if (version > latest) {
    throw new AppError(
      'CONFLICT',
      `团队资料库由更新版本的 PacketDesk 创建（架构版本 ${version}，本程序只认识到 ${latest}）。请先升级本程序；数据库没有改动。`,
    )
  }
}

/**
 * Bring the team library's schema (in the search_path's first schema) up to date, each step in
 * its own transaction, under an advisory lock. Returns the versions before and after.
 */
export async function migrateTeam(
  client: pg.Client,
  migrations: readonly PgMigration[] = PG_MIGRATIONS,
): Promise<{ from: number; to: number }> {
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version     integer PRIMARY KEY,
      name        text NOT NULL,
      applied_at  timestamptz NOT NULL DEFAULT now()
    )`)
    const from = await teamSchemaVersion(client)
    assertTeamNotNewer(from, migrations[migrations.length - 1]?.version ?? 0)
    for (const migration of migrations) {
      if (migration.version <= from) continue
      await inTransaction(client, async () => {
        await client.query(migration.up)
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
          migration.version,
          migration.name,
        ])
      })
    }
    return { from, to: await teamSchemaVersion(client) }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK])
  }
}
