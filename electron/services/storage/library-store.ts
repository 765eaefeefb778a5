import type { Database } from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely'
import pg from 'pg'
import { SCHEMA } from '../team/connect'
import { postgresSearch, sqliteSearch, type SearchPort } from './search-port'
import type { LibraryTables } from './tables'

/**
 * The storage port: one typed query layer (Kysely) over either engine, and the search index
 * (the part where they differ). Services written against it run unchanged on the embedded
 * SQLite library and on the team's PostgreSQL one.
 */
export interface LibraryStore {
  readonly engine: 'sqlite' | 'postgres'
  readonly db: Kysely<LibraryTables>
  readonly search: SearchPort
  /** Release the store's connections (a SQLite handle stays open: the backend owns it). */
  close(): Promise<void>
}

/**
 * The embedded library's store, on its one better-sqlite3 connection. Kysely runs each SQLite
 * query synchronously on it and serialises its transactions; a transaction's work must not wait
 * on other I/O (files, workers) — do that before, as the services already do.
 */
export function sqliteStore(handle: Database): LibraryStore {
  return {
    engine: 'sqlite',
    db: new Kysely<LibraryTables>({ dialect: new SqliteDialect({ database: handle }) }),
    search: sqliteSearch(handle),
    // Kysely's destroy would close the handle, which the backend owns.
    close: () => Promise.resolve(),
  }
}

/** The team library's store: a small pool of the clerk's own connections, search_path set. */
export function postgresStore(databaseUrl: string): LibraryStore {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 4,
    options: `-c search_path=${SCHEMA},public`,
  })
  const db = new Kysely<LibraryTables>({ dialect: new PostgresDialect({ pool }) })
  return { engine: 'postgres', db, search: postgresSearch, close: () => db.destroy() }
}
