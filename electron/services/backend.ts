import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Database } from 'better-sqlite3'
import type { Handlers } from '../../shared/contract'
import { openDatabase, schemaVersion } from './db/open'
import { getLanguage, setLanguage } from './db/settings'
import { DATABASE_FILE } from './paths'
import { APP_VERSION } from './version'

export interface BackendOptions {
  dataDir: string
  nativeBinding?: string | undefined
}

export interface Backend {
  readonly dataDir: string
  readonly db: Database
  readonly handlers: Handlers
  close(): void
}

/** Create the data folder (private to the user: it holds ID numbers). */
export function ensureDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
}

/** Every contract method, implemented once for all three doors. */
export function createBackend(options: BackendOptions): Backend {
  ensureDataDir(options.dataDir)
  const db = openDatabase(join(options.dataDir, DATABASE_FILE), {
    nativeBinding: options.nativeBinding,
  })
  const handlers: Handlers = {
    'system.info': () =>
      Promise.resolve({
        appVersion: APP_VERSION,
        dataDir: options.dataDir,
        sqliteVersion: (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v,
        schemaVersion: schemaVersion(db),
      }),
    'settings.get': () => Promise.resolve({ language: getLanguage(db) }),
    'settings.setLanguage': ({ language }) => {
      setLanguage(db, language)
      return Promise.resolve({ language: getLanguage(db) })
    },
  }
  return {
    dataDir: options.dataDir,
    db,
    handlers,
    close: () => db.close(),
  }
}
