import Database from 'better-sqlite3'
import type { Database as Db } from 'better-sqlite3'
import { AppError } from '../../../shared/errors'
import type { Migration } from './migration'
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations'

export interface OpenOptions {
  /** Path of a better-sqlite3 binary built for another ABI (Electron). */
  nativeBinding?: string | undefined
  /** Migrations to apply; tests pass a prefix to stop at a given version. */
  migrations?: readonly Migration[]
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number
}

/**
 * Refuse a database written by a newer PacketDesk (Signal-Desktop does the
 * same): an old program must not touch tables it does not understand.
 */
export function assertNotNewer(version: number, latest: number): void {
  if (version > latest) {
    throw new AppError(
      'DB_TOO_NEW',
      `数据库结构版本为 ${version}，而本程序只支持到 ${latest}：它由更新版本的 PacketDesk 写入。请升级 PacketDesk 后再打开，数据未被改动。`,
    )
  }
}

/** Apply pending migrations, each in its own transaction with its version bump. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): number {
  assertNotNewer(schemaVersion(db), LATEST_SCHEMA_VERSION)
  for (const migration of migrations) {
    if (migration.version <= schemaVersion(db)) continue
    db.transaction(() => {
      migration.up(db)
      db.pragma(`user_version = ${migration.version}`)
    })()
  }
  return schemaVersion(db)
}

/** Open (creating if needed) the library database: WAL, foreign keys, migrated. */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = new Database(
    file,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  )
  try {
    // Check before any pragma that writes (journal_mode rewrites the header).
    assertNotNewer(schemaVersion(db), LATEST_SCHEMA_VERSION)
    db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    db.pragma('busy_timeout = 5000')
    // WAL + NORMAL is durable across application crashes; FULL also survives
    // power loss at the cost of an fsync per commit. Data is sacred: FULL.
    db.pragma('synchronous = FULL')
    migrate(db, options.migrations ?? MIGRATIONS)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}
