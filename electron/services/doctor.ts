import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { AppError } from '../../shared/errors'
import { ensureDataDir } from './paths'
import { assertNotNewer, openDatabase, schemaVersion } from './db/open'
import { LATEST_SCHEMA_VERSION } from './db/migrations'
import { DATABASE_FILE } from './paths'
import { ContentStore } from './files/content-store'

export interface DoctorReport {
  ok: boolean
  dataDir: string
  sqlite: string | null
  schemaVersion: number | null
  integrity: string
  /** Stored files the database refers to that are gone. */
  filesMissing: number
  /** Stored files whose size or SHA-256 is not what their name and row say. */
  filesCorrupt: number
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
    const files = checkFileStore(db, dataDir)
    return {
      ok: integrity === 'ok' && files.filesMissing === 0 && files.filesCorrupt === 0,
      dataDir,
      sqlite,
      schemaVersion: version,
      integrity,
      ...files,
    }
  } catch (error) {
    const message =
      error instanceof AppError
        ? error.message
        : `数据库无法读取（${(error as Error).message}）。文件未被改动；请从备份恢复。`
    return {
      ok: false,
      dataDir,
      sqlite,
      schemaVersion: null,
      integrity: message,
      filesMissing: 0,
      filesCorrupt: 0,
    }
  } finally {
    db?.close()
  }
}

/**
 * Every file the library refers to is in the store, with the size its row records and the
 * SHA-256 its name says (content-addressed). Caches live outside files/ and are not checked.
 */
function checkFileStore(
  db: Database.Database,
  dataDir: string,
): { filesMissing: number; filesCorrupt: number } {
  const store = new ContentStore(join(dataDir, 'files'))
  const hasFiles = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'files'")
    .get()
  if (!hasFiles) return { filesMissing: 0, filesCorrupt: 0 }
  let filesMissing = 0
  let filesCorrupt = 0
  const rows = db.prepare('SELECT sha256, bytes FROM files').iterate() as Iterable<{
    sha256: string
    bytes: number
  }>
  for (const row of rows) {
    const path = store.path(row.sha256)
    if (!existsSync(path)) {
      filesMissing++
      continue
    }
    const data = readFileSync(path)
    const sha = createHash('sha256').update(data).digest('hex')
    if (data.length !== row.bytes || sha !== row.sha256) filesCorrupt++
  }
  return { filesMissing, filesCorrupt }
}

function sqliteVersion(): string {
  const memory = new Database(':memory:')
  try {
    return (memory.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v
  } finally {
    memory.close()
  }
}
