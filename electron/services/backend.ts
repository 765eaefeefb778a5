import { rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Database } from 'better-sqlite3'
import { isMutating, type Handlers, type TeamStatus } from '../../shared/contract'
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
import { localFileStore, teamFileStore } from './storage/file-store'
import { postgresStore, sqliteStore } from './storage/library-store'
import { checkTeamLibrary, TEAM_CACHE, teamHasNoLocalBackup } from './team/open'
import { isConnectionError, TeamLink, unavailable } from './team/link'
import { parseDatabaseUrl, redactDatabaseUrl, withoutPassword } from './team/database-url'
import type { TeamSecrets } from './team/secrets'
import {
  applyVerifiedBackup,
  assertNoRestorePending,
  discardVerified,
  finishInterruptedRestore,
  verifyBackup,
} from './backup/restore'
import { audit } from './library/audit'
import { AppError } from '../../shared/errors'
import { ContentStore } from './files/content-store'
import { sweepAfterStart, sweepNow } from './files/store-sweep'
import { LibraryEvents } from './events'
import type { BackendContext, DesktopPort } from './handlers/context'
import { platformHandlers } from './handlers/platform'
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
import { impactHandlers } from './handlers/impact'
import { overviewHandlers } from './handlers/overview'
import { warmTodayHead } from './overview/warm-head'
import { readingHandlers } from './handlers/reading'
import { indexReadText, readFactsFor } from './reading/reading-index'
import { ReadingService } from './reading/reading-service'

export interface BackendOptions {
  dataDir: string
  /** The system browser and clipboard (the Electron app gives them; issue 13 item 16). */
  desktop?: DesktopPort
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
  /**
   * The team library (PostgreSQL, issue 11) instead of the data folder's own: the data folder
   * then keeps this machine's settings and the cache of the team's files. Open with
   * openBackend (connecting is asynchronous); it checks the schema first.
   */
  databaseUrl?: string | undefined
  /**
   * `check` (default): a team library must answer at open, or openBackend refuses. `lenient`
   * (the app starting with a kept login): open anyway; calls say the server is away
   * (UNAVAILABLE) and the link reconnects in the background.
   */
  teamStartup?: 'check' | 'lenient'
  /** Where the door keeps the team login (Electron: safeStorage); none: for this run only. */
  teamSecrets?: TeamSecrets | undefined
  /**
   * Read scans after import, in the background (issue 12): the app's doors (Electron, the
   * browser host) turn it on; CLI verbs and test libraries leave it off. Results already in the
   * data folder's read cache are used either way.
   */
  readScans?: boolean
  /**
   * When the writer sweeps the file store: `at-open` (default; CLI verbs, tests) before the
   * backend is returned, `after-start` (the app's doors) in steps a few seconds later, so a big
   * library's first page does not wait for it (issue 14, start-up).
   */
  sweep?: 'at-open' | 'after-start'
  /**
   * Compute 今日's head (the home screen's first answer) at once, while the page loads (the
   * app's doors; overview/warm-head.ts). Local library only: a team library's changes while
   * its link is down would not reach it.
   */
  warmHome?: boolean
}

export interface Backend {
  readonly dataDir: string
  readonly db: Database
  readonly store: ContentStore
  /** What services take (db, store, catalog, today): hand this, not the backend, to a service. */
  readonly context: BackendContext
  readonly handlers: Handlers
  /**
   * `library.changed` after every successful mutating call (contract `effect: 'write'`); the
   * doors forward it to every window, a team-database listener emits into it (emitExternal).
   */
  readonly events: LibraryEvents
  /** The industry catalog the rules use. */
  catalog(): Promise<IndustryCatalog>
  close(): void
}

/** Every contract method, implemented once for all three doors. */
export function createBackend(options: BackendOptions): Backend {
  if (options.databaseUrl) {
    throw new AppError('INTERNAL', 'A team library is opened with openBackend (it connects first).')
  }
  return createBackendUnchecked(options)
}

function createBackendUnchecked(options: BackendOptions): Backend {
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
  // The team library must answer, and not be newer than this build, before anything opens.
  if (options.databaseUrl && options.teamStartup !== 'lenient') {
    await checkTeamLibrary(options.databaseUrl)
  }
  if (options.access === 'read') return createBackendUnchecked(options)
  ensureDataDir(options.dataDir)
  const lock = await lockDataDir(options.dataDir, options.kind ?? 'PacketDesk', options)
  try {
    return createBackendUnchecked({ ...options, lock })
  } catch (error) {
    lock.release()
    throw error
  }
}

/** The methods that swap the library under the doors (handled by openWith, not a library). */
type SwapMethods = 'system.restore' | 'team.status' | 'team.connect' | 'team.disconnect'

/** One opened library: its context and the handlers bound to it. */
interface OpenLibrary {
  ctx: BackendContext
  handlers: Omit<Handlers, SwapMethods>
}

function openLibrary(
  options: BackendOptions,
  lock: DataDirLock | null,
  events?: LibraryEvents,
  reading?: ReadingService,
): OpenLibrary {
  // A restore cut short by a crash is finished first (its library was verified before); a
  // reader waits for that rather than open (and maybe recreate) a library being replaced.
  if (lock) finishInterruptedRestore(options.dataDir)
  else assertNoRestorePending(options.dataDir)
  const db = openDatabase(join(options.dataDir, DATABASE_FILE), {
    nativeBinding: options.nativeBinding,
  })
  // After the open: the WAL and shared-memory files exist now, and get 0600 too.
  makeDataDirPrivate(options.dataDir)
  const resources = options.resources ?? resourcesDir()
  let starter: IndustryCatalog | undefined
  const team = options.databaseUrl
  // On a team library the data folder's files/ is a cache of the team's blobs (never swept as
  // a library: other clerks' files are not orphans).
  const store = new ContentStore(join(options.dataDir, team ? TEAM_CACHE : 'files'))
  const library = team ? postgresStore(team) : sqliteStore(db)
  const ctx: BackendContext = {
    db,
    library,
    files: team ? teamFileStore(library.db, store) : localFileStore(store),
    store,
    dataDir: options.dataDir,
    resources,
    // The starter catalog is read once; the user's edits are laid over it on every use.
    catalog: () => mergedCatalog(library.db, (starter ??= loadStarterCatalog(resources))),
    today: options.today ?? (() => todayIn()),
    events,
    reading,
    reads: reading ? (sha256) => readFactsFor(reading, sha256, ctx.today()) : undefined,
    ...(options.desktop ? { desktop: options.desktop } : {}),
  }
  // Startup sweep, only by the data folder's one writer (holding the lock, nobody else can be
  // importing): report rows whose file vanished, remove files no row refers to and temp files
  // of interrupted writes. A reader never sweeps: a writer's import may be in flight. The app's
  // doors sweep after start-up (files/store-sweep.ts says why that stays safe).
  if (lock && !team) {
    if (options.sweep === 'after-start') {
      ctx.storeHealth = sweepAfterStart(db, ctx.store)
    } else {
      const health = sweepNow(db, ctx.store)
      ctx.storeHealth = () => Promise.resolve(health)
    }
  }
  // Each group of handlers gets the context, never another handler or the backend object.
  const handlers = {
    ...systemHandlers(ctx),
    ...libraryHandlers(ctx),
    ...fileHandlers(ctx),
    ...packetHandlers(ctx),
    ...letterHandlers(ctx),
    ...templateHandlers(ctx),
    ...exportHandlers(ctx),
    ...readingHandlers(ctx),
    ...impactHandlers(ctx),
    ...platformHandlers(ctx),
    ...overviewHandlers(ctx),
  }
  return { ctx, handlers }
}

/** How long a restore waits for calls already running to finish before it swaps the library. */
const RESTORE_DRAIN_MS = 30_000

function openWith(options: BackendOptions, lock: DataDirLock | null): Backend {
  // One bus for the process's life: it outlives a restore's swap of the library.
  const events = new LibraryEvents()
  /** The options of the library open now: 团队资料库 switches between local and team. */
  let opened: BackendOptions = options
  // One reading queue for the process's life, reading from whichever library is open.
  const reading = new ReadingService({
    enabled: options.readScans === true,
    dataDir: options.dataDir,
    context: () => current.ctx,
    onRead: async (sha256, read) => {
      await indexReadText(current.ctx, sha256, read)
      events.emitLocal(['documents'])
    },
  })
  let current = openLibrary(opened, lock, events, reading)
  /** Whether the door kept the team login (a kept one loaded at start counts). */
  let remembered = options.databaseUrl !== undefined && options.teamSecrets !== undefined
  /** The standing connection to the team library (changes of other clerks, offline state). */
  let link: TeamLink | null = null
  const startLink = (url: string): void => {
    link = new TeamLink(url, events)
    void link.start()
  }
  if (opened.databaseUrl) startLink(opened.databaseUrl)
  /** A restore is under way (verifying or swapping): a second one is refused at once. */
  let restorePending = false
  /** The swap is near: new calls are refused until the restored library is open. */
  let gateClosed = false
  /** A swap failed half-way: only a restart (which finishes it from the journal) helps. */
  let broken: AppError | null = null
  let inFlight = 0
  let drained: (() => void) | null = null
  // The doors hold this one handlers object for the process's life: each call goes to the
  // library open now, so 恢复 can swap the library underneath without the doors knowing. Calls
  // are counted so the swap waits for the ones already running (they hold the old handle).
  const handlers = Object.fromEntries(
    (Object.keys(current.handlers) as (keyof OpenLibrary['handlers'])[]).map((method) => [
      method,
      async (input: never) => {
        if (broken) throw broken
        if (gateClosed) throw new AppError('CONFLICT', '正在恢复资料库，请稍候再试。')
        inFlight++
        try {
          const value = await (current.handlers[method] as (input: never) => Promise<unknown>)(
            input,
          )
          // Only after success: a refused or failed call changed nothing worth refetching.
          if (isMutating(method)) events.emitLocal()
          return value
        } catch (error) {
          // The team library's server is away: say so (banner), nothing was changed.
          if (opened.databaseUrl && isConnectionError(error)) {
            link?.markOffline(error)
            throw unavailable(opened.databaseUrl)
          }
          throw error
        } finally {
          inFlight--
          if (inFlight === 0) drained?.()
        }
      },
    ]),
  ) as unknown as Handlers

  const waitForCalls = (): Promise<boolean> =>
    inFlight === 0
      ? Promise.resolve(true)
      : new Promise((resolve) => {
          const timer = setTimeout(() => {
            drained = null
            resolve(false)
          }, RESTORE_DRAIN_MS)
          drained = () => {
            clearTimeout(timer)
            drained = null
            resolve(true)
          }
        })

  /**
   * 设置 → 恢复 while the app runs: verify the archive beside the library (calls go on), then —
   * only with the lock (a writer) — stop taking calls, wait for the running ones, close the
   * database, swap the library in place, reopen.
   */
  handlers['system.restore'] = async ({ archivePath }) => {
    if (broken) throw broken
    if (opened.databaseUrl) throw teamHasNoLocalBackup()
    if (!lock) throw new AppError('CONFLICT', '只读方式打开的资料库不能恢复。')
    if (restorePending) throw new AppError('CONFLICT', '已经在恢复资料库，请等它完成。')
    restorePending = true
    try {
      const verified = await verifyBackup(archivePath, options.dataDir)
      gateClosed = true
      try {
        if (!(await waitForCalls())) {
          discardVerified(verified)
          throw new AppError(
            'CONFLICT',
            '还有操作（导出、导入等）在进行，没有恢复。请等它们完成后再恢复；资料库没有改动。',
          )
        }
        current.ctx.db.close()
        let result: ReturnType<typeof applyVerifiedBackup>
        try {
          result = applyVerifiedBackup(verified, options.dataDir)
        } catch (error) {
          // Rolled back (the old library is in place again) or left for the next start.
          try {
            current = openLibrary(opened, lock, events, reading)
          } catch {
            broken = new AppError(
              'CONFLICT',
              '恢复没有完成。请关闭并重新启动程序：启动时会按记录完成恢复。',
            )
          }
          throw error
        }
        current = openLibrary(opened, lock, events, reading)
        audit(current.ctx.db, 'restore', 'library', '', `${result.files} file(s)`)
        events.emitLocal()
        return { previous: result.previous, files: result.files }
      } finally {
        gateClosed = false
      }
    } finally {
      restorePending = false
    }
  }
  const teamStatus = (): TeamStatus => {
    const url = opened.databaseUrl
    if (!url) {
      return {
        mode: 'local',
        url: null,
        user: null,
        state: 'online',
        since: null,
        message: null,
        retryAt: null,
        remembered: false,
      }
    }
    const parsed = new URL(url)
    const state = link?.status
    return {
      mode: 'team',
      url: redactDatabaseUrl(withoutPassword(url)),
      user: decodeURIComponent(parsed.username),
      state: state?.state ?? 'offline',
      since: state?.since ?? null,
      message: state?.message ?? null,
      retryAt: state?.retryAt ?? null,
      remembered,
    }
  }

  /** Switch the library under the doors (calls wait; running ones finish first). */
  const switchTo = async (next: BackendOptions): Promise<void> => {
    if (restorePending) throw new AppError('CONFLICT', '正在恢复或切换资料库，请稍候再试。')
    restorePending = true
    gateClosed = true
    try {
      if (!(await waitForCalls())) {
        throw new AppError('CONFLICT', '还有操作在进行，没有切换资料库；请等它们完成后再试。')
      }
      const previous = current
      current = openLibrary(next, lock, events, reading)
      opened = next
      previous.ctx.db.close()
      await previous.ctx.library.close()
      await link?.stop()
      link = null
      if (next.databaseUrl) startLink(next.databaseUrl)
    } finally {
      gateClosed = false
      restorePending = false
    }
    events.emitLocal()
  }

  handlers['team.status'] = () => Promise.resolve(teamStatus())
  handlers['team.connect'] = async ({ url, password }) => {
    if (broken) throw broken
    const parsed = parseDatabaseUrl(url, 'url')
    if (parsed.password || [...parsed.searchParams.keys()].some((key) => /pass/i.test(key))) {
      throw new AppError('INVALID_ARGUMENT', '密码请填在“密码”一栏，不要写在地址里。', 'url')
    }
    parsed.password = password
    const full = parsed.toString()
    // The server answers this login and its schema is this build's, or nothing changes.
    await checkTeamLibrary(full)
    await switchTo({ ...options, databaseUrl: full })
    remembered = (await options.teamSecrets?.save({ url, password })) ?? false
    return teamStatus()
  }
  handlers['team.disconnect'] = async () => {
    if (broken) throw broken
    if (opened.databaseUrl) await switchTo({ ...options, databaseUrl: undefined })
    await options.teamSecrets?.clear()
    remembered = false
    // The cached team files (ID scans among them) do not outlive the connection on this
    // computer: connecting again fetches what is opened.
    rmSync(join(options.dataDir, TEAM_CACHE), { recursive: true, force: true })
    return teamStatus()
  }
  if (options.warmHome && !options.databaseUrl) {
    void warmTodayHead(handlers, events, () => current.ctx.today())
  }
  return {
    dataDir: options.dataDir,
    get db() {
      return current.ctx.db
    },
    get store() {
      return current.ctx.store
    },
    get context() {
      return current.ctx
    },
    handlers,
    events,
    catalog: () => current.ctx.catalog(),
    close: () => {
      reading.stop()
      current.ctx.db.close()
      void current.ctx.library.close()
      void link?.stop()
      lock?.release()
    },
  }
}
