import type { Database, Statement } from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect, type SqliteDatabase } from 'kysely'
import pg from 'pg'
import { SCHEMA } from '../team/connect'
import { postgresSearch, sqliteSearch, type SearchPort } from './search-port'
import { userInfo } from 'node:os'
import type { VERSIONED_TABLES } from '../db/migrations/0011-row-versions'
import type { LibraryTables } from './tables'

/**
 * The storage port: one typed query layer (Kysely) over either engine, and the search index
 * (the part where they differ). Services written against it run unchanged on the embedded
 * SQLite library and on the team's PostgreSQL one.
 */
/** A Kysely handle on the library, or a transaction on it. */
export type Executor = Kysely<LibraryTables>

/** Rows a clerk edits in a form (SQLite migration 0011, the team library's stamp_row). */
export type VersionedTable = (typeof VERSIONED_TABLES)[number]

export interface LibraryStore {
  readonly engine: 'sqlite' | 'postgres'
  readonly db: Kysely<LibraryTables>
  /**
   * Who saves, for `updated_by`: the OS user on the embedded library; on the team library the
   * server stamps the clerk's role (current_user) whatever is sent.
   */
  readonly actor: string
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
    actor: localActor(),
    db: new Kysely<LibraryTables>({
      dialect: new SqliteDialect({ database: reusingStatements(handle) }),
    }),
    search: sqliteSearch(handle),
    // Kysely's destroy would close the handle, which the backend owns.
    close: () => Promise.resolve(),
  }
}

/** Prepared statements kept for reuse, by SQL text (the oldest dropped beyond this). */
const STATEMENTS_KEPT = 500

/**
 * better-sqlite3 compiles the SQL on every prepare, and Kysely prepares once per query: a plan
 * of a packet runs dozens of the same queries, 今日 plans every packet (issue 14, start-up).
 * Reuse the statement of the same text unless it is still being iterated (a streamed query).
 */
function reusingStatements(handle: Database): SqliteDatabase {
  const kept = new Map<string, Statement>()
  return {
    close: () => handle.close(),
    prepare(sql) {
      const statement = kept.get(sql)
      if (statement && !statement.busy) return statement
      const fresh = handle.prepare(sql)
      if (!statement) {
        if (kept.size >= STATEMENTS_KEPT) kept.delete(kept.keys().next().value ?? '')
        kept.set(sql, fresh)
      }
      return fresh
    },
  }
}

/** The team library's store: a small pool of the clerk's own connections, search_path set. */
export function postgresStore(databaseUrl: string): LibraryStore {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: 4,
    // A server that is away fails a call in seconds (UNAVAILABLE), never hangs the app.
    connectionTimeoutMillis: 5000,
    options: `-c search_path=${SCHEMA},public`,
  })
  // An idle connection dropped by the server must not crash the process; the next call
  // reconnects or reports the server away (team/link.ts).
  pool.on('error', () => undefined)
  // The same for a connection in use between two queries (the pool only guards idle ones):
  // its next query fails instead, and the call reports the server away.
  pool.on('connect', (client) => client.on('error', () => undefined))
  const db = new Kysely<LibraryTables>({ dialect: new PostgresDialect({ pool }) })
  const actor = new URL(databaseUrl).username || 'postgres'
  let closing: Promise<void> | undefined
  // Closing twice (the backend, then its owner) must not end the pool twice.
  const close = () => (closing ??= db.destroy())
  return { engine: 'postgres', actor, db, search: postgresSearch, close }
}

/** The OS account, for `updated_by` on the embedded library (no server to stamp it). */
function localActor(): string {
  try {
    return userInfo().username
  } catch {
    return ''
  }
}

/**
 * Read in one consistent snapshot (a REPEATABLE READ transaction on PostgreSQL; on SQLite a
 * transaction, which is one already): a plan or an export never mixes two clerks' states.
 */
export function inSnapshot<T>(store: LibraryStore, read: (db: Executor) => Promise<T>): Promise<T> {
  return store.db.transaction().setIsolationLevel('repeatable read').execute(read)
}
