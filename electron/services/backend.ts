import { join } from 'node:path'
import type { Database } from 'better-sqlite3'
import type { Handlers } from '../../shared/contract'
import { todayIn } from '../../shared/dates'
import type { IndustryCatalog } from '../../shared/industries/catalog'
import {
  describeOwner,
  lockDataDir,
  tryLockDataDir,
  type DataDirLock,
  type WaitOptions,
} from './db/data-lock'
import { openDatabase } from './db/open'
import { AppError } from '../../shared/errors'
import { ContentStore } from './files/content-store'
import type { BackendContext } from './handlers/context'
import { fileHandlers } from './handlers/files'
import { exportHandlers } from './handlers/exports'
import { letterHandlers } from './handlers/letters'
import { libraryHandlers } from './handlers/library'
import { packetHandlers } from './handlers/packets'
import { systemHandlers } from './handlers/system'
import { templateHandlers } from './handlers/templates'
import { loadStarterCatalog } from './industries'
import { mergedCatalog } from './industries-user'
import { DATABASE_FILE, ensureDataDir } from './paths'
import { makeDataDirPrivate } from './private-folder'
import { resourcesDir } from './resources'

export interface BackendOptions {
  dataDir: string
  nativeBinding?: string | undefined
  /** The app's resources/ folder; found from the code's location by default. */
  resources?: string
  /** Today's date (YYYY-MM-DD); China's calendar by default. */
  today?: () => string
  /**
   * `write` (default): this process is the data folder's one writer — it holds the lock
   * (db/data-lock.ts; taken here unless `lock` is handed in) and sweeps the file store.
   * `read`: no lock and no sweep (read-only CLI verbs; exports, which only add audit rows).
   */
  access?: 'write' | 'read'
  /** A write lock already taken (openBackend waits for it); released by close(). */
  lock?: DataDirLock
  /** Who holds the lock, for whoever waits on it (app, host, cli demo …). */
  kind?: string
}

export interface Backend {
  readonly dataDir: string
  readonly db: Database
  readonly store: ContentStore
  /** What services take (db, store, catalog, today): hand this, not the backend, to a service. */
  readonly context: BackendContext
  readonly handlers: Handlers
  /** The industry catalog the rules use. */
  catalog(): IndustryCatalog
  close(): void
}

/** Every contract method, implemented once for all three doors. */
export function createBackend(options: BackendOptions): Backend {
  ensureDataDir(options.dataDir)
  const lock = options.access === 'read' ? null : (options.lock ?? takeLock(options))
  try {
    return openWith(options, lock)
  } catch (error) {
    lock?.release()
    throw error
  }
}

function takeLock(options: BackendOptions): DataDirLock {
  const attempt = tryLockDataDir(options.dataDir, options.kind ?? 'PacketDesk', options)
  if ('heldBy' in attempt) {
    throw new AppError(
      'CONFLICT',
      `数据文件夹${describeOwner(attempt.heldBy)}；同一时间只能有一个程序写入。数据没有改动。`,
    )
  }
  return attempt
}

/**
 * A backend for a writer that waits (bounded) for the data folder's lock while another process
 * holds it, telling `onWait` who that is; readers open at once.
 */
export async function openBackend(
  options: BackendOptions & Pick<WaitOptions, 'waitMs' | 'onWait'>,
): Promise<Backend> {
  if (options.access === 'read') return createBackend(options)
  ensureDataDir(options.dataDir)
  const lock = await lockDataDir(options.dataDir, options.kind ?? 'PacketDesk', options)
  return createBackend({ ...options, lock })
}

function openWith(options: BackendOptions, lock: DataDirLock | null): Backend {
  const db = openDatabase(join(options.dataDir, DATABASE_FILE), {
    nativeBinding: options.nativeBinding,
  })
  // After the open: the WAL and shared-memory files exist now, and get 0600 too.
  makeDataDirPrivate(options.dataDir)
  const resources = options.resources ?? resourcesDir()
  let starter: IndustryCatalog | undefined
  const ctx: BackendContext = {
    db,
    store: new ContentStore(join(options.dataDir, 'files')),
    dataDir: options.dataDir,
    resources,
    // The starter catalog is read once; the user's edits are laid over it on every use.
    catalog: () => mergedCatalog(db, (starter ??= loadStarterCatalog(resources))),
    today: options.today ?? (() => todayIn()),
  }
  // Startup sweep, only by the data folder's one writer (holding the lock, nobody else can be
  // importing): report rows whose file vanished, remove files no row refers to and temp files
  // of interrupted writes. A reader never sweeps: a writer's import may be in flight.
  if (lock) {
    const known = new Set(db.prepare('SELECT sha256 FROM files').pluck().all() as string[])
    // Under the lock no write can be in flight: every temp file is a crash's leftover.
    const sweep = ctx.store.sweep(known, Date.now(), 0)
    ctx.storeHealth = { missing: sweep.missing.length, orphansRemoved: sweep.removedOrphans.length }
  }
  // Each group of handlers gets the context, never another handler or the backend object.
  const handlers: Handlers = {
    ...systemHandlers(ctx),
    ...libraryHandlers(ctx),
    ...fileHandlers(ctx),
    ...packetHandlers(ctx),
    ...letterHandlers(ctx),
    ...templateHandlers(ctx),
    ...exportHandlers(ctx),
  }
  const backend: Backend = {
    dataDir: options.dataDir,
    db,
    store: ctx.store,
    context: ctx,
    handlers,
    catalog: ctx.catalog,
    close: () => {
      db.close()
      lock?.release()
    },
  }
  return backend
}
