import { hostname } from 'node:os'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { AppError } from '../../../shared/errors'

/** The lock file: an SQLite database held in an open EXCLUSIVE transaction. */
const LOCK_FILE = 'packetdesk.lock'
const OWNER_FILE = 'packetdesk.lock.owner.json'

export interface LockOwner {
  pid: number
  /** What holds it: app, host, cli demo, … */
  kind: string
  host: string
  since: string
}

export interface DataDirLock {
  readonly owner: LockOwner
  release(): void
}

/**
 * One writer per data folder. Node has no flock, so the lock is an SQLite database held in an
 * EXCLUSIVE transaction: SQLite takes an OS lock (fcntl / LockFileEx) that the OS releases when
 * the process dies, however it dies — a crash never leaves a stale lock. Who holds it is written
 * beside it, to say so to the one who waits.
 */
export function tryLockDataDir(
  dataDir: string,
  kind: string,
  options: { nativeBinding?: string | undefined } = {},
): DataDirLock | { heldBy: LockOwner | null } {
  const db = new Database(
    join(dataDir, LOCK_FILE),
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
  )
  try {
    db.pragma('busy_timeout = 0')
    db.pragma('journal_mode = DELETE')
    db.exec('BEGIN EXCLUSIVE')
  } catch (error) {
    db.close()
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) {
      return { heldBy: readOwner(dataDir) }
    }
    throw error
  }
  const owner: LockOwner = {
    pid: process.pid,
    kind,
    host: hostname(),
    since: new Date().toISOString(),
  }
  writeFileSync(join(dataDir, OWNER_FILE), `${JSON.stringify(owner)}\n`, { mode: 0o600 })
  let held = true
  return {
    owner,
    release: () => {
      if (!held) return
      held = false
      rmSync(join(dataDir, OWNER_FILE), { force: true })
      db.exec('ROLLBACK')
      db.close()
    },
  }
}

function readOwner(dataDir: string): LockOwner | null {
  try {
    return JSON.parse(readFileSync(join(dataDir, OWNER_FILE), 'utf8')) as LockOwner
  } catch {
    return null
  }
}

/** 「正被 PacketDesk 程序（进程 1234，自 2026-11-30 17:40）使用」 */
export function describeOwner(owner: LockOwner | null): string {
  if (!owner) return '正被另一个 PacketDesk 进程使用'
  return `正被 ${owner.kind}（进程 ${owner.pid}，${owner.host}，自 ${owner.since.slice(0, 16).replace('T', ' ')}）使用`
}

export interface WaitOptions {
  /** How long to wait for the lock before giving up (default 30 s). */
  waitMs?: number
  /** Told once, when the lock is taken by someone else and we start waiting. */
  onWait?: (owner: LockOwner | null) => void
  nativeBinding?: string | undefined
}

/**
 * Take the data folder's write lock, waiting (bounded) while another process holds it; past the
 * wait, a CONFLICT that names the holder.
 */
export async function lockDataDir(
  dataDir: string,
  kind: string,
  options: WaitOptions = {},
): Promise<DataDirLock> {
  const deadline = Date.now() + (options.waitMs ?? 30_000)
  let told = false
  for (;;) {
    const attempt = tryLockDataDir(dataDir, kind, options)
    if (!('heldBy' in attempt)) return attempt
    if (!told) {
      options.onWait?.(attempt.heldBy)
      told = true
    }
    if (Date.now() >= deadline) {
      throw new AppError(
        'CONFLICT',
        `数据文件夹${describeOwner(attempt.heldBy)}，等待后仍未释放。请先关闭该程序或等它完成后重试；数据没有改动。`,
      )
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}
