import type { Database } from 'better-sqlite3'
import type { ContentStore } from './content-store'

/** What the start-up sweep of the file store found (设置 shows missing files). */
export interface StoreHealth {
  missing: number
  orphansRemoved: number
}

/** How long after start-up the deferred sweep begins: the first page has long painted by then. */
const SWEEP_DELAY_MS = 10_000

function knownShas(db: Database): Set<string> {
  return new Set(db.prepare('SELECT sha256 FROM files').pluck().all() as string[])
}

/**
 * The writer's sweep at open, all at once (CLI verbs, tests): report rows whose file vanished,
 * remove files no row refers to and temp files of interrupted writes. Under the data folder's
 * lock no other process writes, and this one has not started: every temp file is a leftover.
 */
export function sweepNow(db: Database, store: ContentStore): StoreHealth {
  const sweep = store.sweep(knownShas(db), Date.now(), 0)
  return { missing: sweep.missing.length, orphansRemoved: sweep.removedOrphans.length }
}

/**
 * The same sweep after start-up (the app's doors, issue 14): it stats every stored file, seconds
 * on a big library, so it must not hold the first page. It begins `delayMs` after the open, or
 * at once when its figures are asked for (the returned function: system.info), and runs in short
 * steps with calls answered in between. Still safe while the app works: files this process
 * stores meanwhile are never taken for orphans (ContentStore keeps them), temp files count only
 * if older than the open, and a file counts as missing only if its row is still there at the
 * end. Nothing needs it earlier: orphans and leftovers are never read (a stored file is checked
 * against its name when read). A library closed meanwhile (restore, quit) stops it; the next
 * open sweeps again.
 */
export function sweepAfterStart(
  db: Database,
  store: ContentStore,
  delayMs = SWEEP_DELAY_MS,
): () => Promise<StoreHealth> {
  const openedAt = Date.now()
  let started: Promise<StoreHealth> | null = null
  const start = (): Promise<StoreHealth> => {
    started ??= new Promise<StoreHealth>((resolve, reject) => {
      const closed: StoreHealth = { missing: 0, orphansRemoved: 0 }
      if (!db.open) return resolve(closed)
      const steps = store.sweepSteps(knownShas(db), openedAt, 0, true)
      const step = (): void => {
        try {
          if (!db.open) return resolve(closed)
          const next = steps.next()
          if (!next.done) return void setImmediate(step)
          const hasRow = db.prepare('SELECT 1 FROM files WHERE sha256 = ?').pluck()
          resolve({
            missing: next.value.missing.filter((sha) => hasRow.get(sha) !== undefined).length,
            orphansRemoved: next.value.removedOrphans.length,
          })
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)))
        }
      }
      step()
    })
    // A failure surfaces where the figures are asked for (system.info), never unhandled.
    started.catch(() => undefined)
    return started
  }
  // Unreferenced: a process that is done does not wait for it (the next start sweeps).
  setTimeout(() => void start(), delayMs).unref()
  return start
}
