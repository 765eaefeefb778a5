import { existsSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { AppError } from '../../shared/errors'
import { ensureDataDir } from './paths'
import { assertNotNewer, openDatabase, schemaVersion } from './db/open'
import { LATEST_SCHEMA_VERSION } from './db/migrations'
import { DATABASE_FILE } from './paths'

export interface DoctorReport {
  ok: boolean
  dataDir: string
  sqlite: string | null
  schemaVersion: number | null
  integrity: string
}

/**
 * Check a data folder. A missing library is created (as the app would on first
 * start); an existing database is opened read-only, so a damaged file is
 * reported and never modified.
 */
export function runDoctor(dataDir: string): DoctorReport {
  const file = join(dataDir, DATABASE_FILE)
  const sqlite = sqliteVersion()
  if (!existsSync(file)) {
    ensureDataDir(dataDir)
    openDatabase(file).close()
  }
  let db: Database.Database | undefined
  try {
    db = new Database(file, { readonly: true, fileMustExist: true })
    const rows = db.pragma('integrity_check') as { integrity_check: string }[]
    const integrity = rows.map((r) => r.integrity_check).join('; ')
    const version = schemaVersion(db)
    assertNotNewer(version, LATEST_SCHEMA_VERSION)
    return { ok: integrity === 'ok', dataDir, sqlite, schemaVersion: version, integrity }
  } catch (error) {
    const message =
      error instanceof AppError
        ? error.message
        : `数据库无法读取（${(error as Error).message}）。文件未被改动；请从备份恢复。`
    return { ok: false, dataDir, sqlite, schemaVersion: null, integrity: message }
  } finally {
    db?.close()
  }
}

function sqliteVersion(): string {
  const memory = new Database(':memory:')
  try {
    return (memory.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v
  } finally {
    memory.close()
  }
}
