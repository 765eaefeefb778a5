import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { lstat, mkdir, open, readdir, rename, rm } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { processAlive } from '../leftovers'

/**
 * A partial export whose owner cannot be told (an older layout without its pid) is a crash's
 * leftover after this long; one whose owner process is gone is removed at once.
 */
const STALE_PARTIAL_MS = 60 * 60 * 1000
/** A pid may be reused by an unrelated process: past a day, its partial is a leftover anyway. */
const ORPHAN_PARTIAL_MS = 24 * 60 * 60 * 1000

/** `.<name>.partial-<pid>-<hex>`: hidden, plainly not an export, and saying whose it is. */
export const PARTIAL_PATTERN = /^\..+\.partial-(?:(\d+)-)?[0-9a-f]{12}$/

/** On Windows a leading dot does not hide a folder: set the hidden attribute (best effort). */
function hideOnWindows(path: string): void {
  if (process.platform !== 'win32') return
  spawnSync('attrib', ['+h', path], { stdio: 'ignore', windowsHide: true })
}

/**
 * Renames that fail because the target appeared since we looked: POSIX says EEXIST/ENOTEMPTY (a
 * folder) or ENOTDIR (a file); Windows says EPERM/EACCES, which elsewhere mean a real refusal.
 */
const TAKEN = new Set(
  process.platform === 'win32'
    ? ['EEXIST', 'ENOTEMPTY', 'EPERM', 'EACCES']
    : ['EEXIST', 'ENOTEMPTY', 'ENOTDIR'],
)

/** Most `_N` suffixes tried before giving up (a folder full of the same export). */
const MAX_SUFFIX = 999

/** Make a folder's entries durable. Windows cannot open a folder: best-effort there. */
async function fsyncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    // EISDIR/EPERM on Windows; every file was fsynced on its own.
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path)
    return true
  } catch {
    return false
  }
}

/**
 * An export being written: a hidden sibling folder of the final one. Only commit() makes it
 * visible, by one rename, so a crash at any moment leaves either no export or a complete one.
 */
export class StagingFolder {
  private readonly folders = new Set<string>([''])

  private constructor(
    readonly outDir: string,
    readonly name: string,
    readonly path: string,
    /** The name the export will most likely get (the first free one when it started). */
    readonly plannedName: string,
  ) {}

  static async create(outDir: string, name: string): Promise<StagingFolder> {
    await mkdir(outDir, { recursive: true })
    const path = join(outDir, `.${name}.partial-${process.pid}-${randomBytes(6).toString('hex')}`)
    // ID copies are inside: private to the user, like the data folder.
    await mkdir(path, { mode: 0o700 })
    hideOnWindows(path)
    let planned = name
    for (let n = 2; n <= MAX_SUFFIX && (await exists(join(outDir, planned))); n++) {
      planned = `${name}_${n}`
    }
    return new StagingFolder(outDir, name, path, planned)
  }

  /** Creates `relative` (`/`-separated) and its parents inside the staging folder. */
  async folder(relative: string): Promise<void> {
    if (this.folders.has(relative)) return
    await mkdir(join(this.path, ...relative.split('/')), { recursive: true, mode: 0o700 })
    let current = relative
    while (current !== '' && current !== '.') {
      this.folders.add(current)
      current = dirname(current) === '.' ? '' : dirname(current)
    }
  }

  /** Writes a new file and fsyncs it; never replaces one. */
  async write(relative: string, data: Uint8Array): Promise<void> {
    const slash = relative.lastIndexOf('/')
    await this.folder(slash < 0 ? '' : relative.slice(0, slash))
    const handle = await open(join(this.path, ...relative.split('/')), 'wx', 0o600)
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
  }

  /**
   * Makes the export visible under `name`, or `name_2`, `name_3`… when that is taken: an existing
   * export is never replaced. Returns the final path.
   */
  async commit(): Promise<string> {
    // Deepest first, so every entry is durable before the folder holding it.
    const folders = [...this.folders].sort((a, b) => b.length - a.length)
    for (const folder of folders) await fsyncDir(join(this.path, ...folder.split('/')))
    const names = [this.plannedName]
    for (let n = 1; n <= MAX_SUFFIX; n++) names.push(n === 1 ? this.name : `${this.name}_${n}`)
    for (const name of names) {
      const target = join(this.outDir, name)
      if (await exists(target)) continue
      try {
        await rename(this.path, target)
      } catch (error) {
        if (TAKEN.has((error as NodeJS.ErrnoException).code ?? '')) continue
        throw error
      }
      await fsyncDir(this.outDir)
      return target
    }
    throw new Error(`no free name for ${this.name} in ${this.outDir}`)
  }

  async discard(): Promise<void> {
    await rm(this.path, { recursive: true, force: true })
  }
}

/**
 * Removes partial exports older than `maxAgeMs` that a crash or a kill left in `outDir`. Younger
 * ones may belong to an export still running and are left alone; either way none is ever taken
 * for an export.
 */
export async function sweepStalePartials(
  outDir: string,
  maxAgeMs = STALE_PARTIAL_MS,
  now = Date.now(),
): Promise<string[]> {
  let names: string[]
  try {
    names = await readdir(outDir)
  } catch {
    return []
  }
  const removed: string[] = []
  for (const name of names) {
    const match = PARTIAL_PATTERN.exec(name)
    if (!match) continue
    const path = join(outDir, name)
    try {
      const stats = await lstat(path)
      if (!stats.isDirectory()) continue
      const age = now - stats.mtimeMs
      // Several exports may run at once: another process's partial is removed only when that
      // process is gone (or the pid is too old to trust).
      const pid = match[1] === undefined ? null : Number(match[1])
      const inProgress =
        pid === null
          ? age < maxAgeMs
          : pid === process.pid || (processAlive(pid) && age < ORPHAN_PARTIAL_MS)
      if (inProgress) continue
      await rm(path, { recursive: true, force: true })
      removed.push(name)
    } catch {
      // Gone already (another export swept it) or not ours to remove: not worth failing over.
    }
  }
  return removed
}
