import { createHash, randomBytes } from 'node:crypto'
import { existsSync, readdirSync, statSync, unlinkSync, type Stats } from 'node:fs'
import { mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { AppError } from '../../../shared/errors'

/** Temp files older than this are leftovers of a crash, not a write in progress. */
export const STALE_TEMP_MS = 60 * 60 * 1000

const SHA256 = /^[0-9a-f]{64}$/
const PREFIX = /^[0-9a-f]{2}$/
const TEMP_PREFIX = '.tmp-'

/** Lower-case hex only: one spelling per file, and nothing that can climb out of the store. */
function isSha256(value: string): boolean {
  return SHA256.test(value)
}

function assertSha256(value: string): void {
  if (!isSha256(value)) {
    throw new AppError(
      'INVALID_ARGUMENT',
      '文件标识无效：应为 64 位小写十六进制 SHA-256。',
      'sha256',
    )
  }
}

export function sha256Of(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex')
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path)
  } catch {
    return undefined
  }
}

/** Make a rename durable. Some platforms (Windows) cannot open a folder: best-effort there. */
async function fsyncDir(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    // Not supported here (EISDIR/EPERM on Windows); the file itself was fsynced.
  }
}

export interface PutResult {
  sha256: string
  path: string
  /** The same bytes were already stored; nothing was written. */
  existed: boolean
}

/** Bytes written under a temp name in the store's folder, not stored yet (ContentStore.stage). */
export interface StagedFile {
  sha256: string
  /** Where the bytes are, until committed or discarded. */
  temp: string
  size: number
}

export interface SweepResult {
  /** Known shas whose file is gone. */
  missing: string[]
  /** Stored files no known sha refers to, now deleted. */
  removedOrphans: string[]
  /** Names of stale temp files (interrupted writes), now deleted. */
  removedTemp: string[]
}

/**
 * Files stored by content: `<root>/ab/abcdef…` where the name is the file's
 * SHA-256. The same bytes are stored once; a file appears under its name only
 * complete and fsynced (temp file in the same folder, then rename).
 */
export class ContentStore {
  /**
   * What this process has stored or is storing (put), by sha: a sweep running while the app
   * takes calls (deferred after start-up, `spareOurs`) never removes them, though their rows may
   * not be committed yet, nor their temp files.
   */
  private readonly ours = new Set<string>()

  constructor(readonly root: string) {}

  path(sha256: string): string {
    assertSha256(sha256)
    return join(this.root, sha256.slice(0, 2), sha256)
  }

  has(sha256: string): boolean {
    return statOrUndefined(this.path(sha256))?.isFile() ?? false
  }

  /** The stored bytes, checked against their name so a damaged file is never used silently. */
  async read(sha256: string): Promise<Buffer> {
    const path = this.path(sha256)
    let bytes: Buffer
    try {
      bytes = await readFile(path)
    } catch {
      throw new AppError('NOT_FOUND', '文件不存在（可能已被移除）。')
    }
    if (sha256Of(bytes) !== sha256) {
      throw new AppError('INTERNAL', '存储的文件已损坏（内容与校验值不符），请重新导入原文件。')
    }
    return bytes
  }

  async put(bytes: Buffer): Promise<PutResult> {
    const sha256 = sha256Of(bytes)
    const path = this.path(sha256)
    // Before the first await: a sweep's step between here and the row's commit sees it.
    this.ours.add(sha256)
    const existing = await stat(path).catch(() => undefined)
    // A same-named file of another size is a damaged copy: write it again.
    if (existing?.isFile() && existing.size === bytes.length) {
      return { sha256, path, existed: true }
    }
    return this.commit(await this.stage(bytes))
  }

  /**
   * The bytes written, fsynced, under a temp name beside where they will be stored (an import's
   * decoding worker reads them there): not in the store until `commit`; `discard` removes them,
   * and a crash leaves a temp file the writer's next start sweeps.
   */
  async stage(bytes: Buffer): Promise<StagedFile> {
    const sha256 = sha256Of(bytes)
    // In the root, not the file's sub-folder: a refused file leaves no folder behind either.
    await mkdir(this.root, { recursive: true, mode: 0o700 })
    const temp = join(this.root, `${TEMP_PREFIX}${sha256}-${randomBytes(6).toString('hex')}`)
    const handle = await open(temp, 'wx', 0o600)
    try {
      await handle.writeFile(bytes)
      await handle.sync()
    } catch (error) {
      await handle.close()
      await unlink(temp).catch(() => undefined)
      throw error
    }
    await handle.close()
    return { sha256, temp, size: bytes.length }
  }

  /** A staged file under its name (temp, fsync, rename); the same bytes stored already: kept. */
  async commit(staged: StagedFile): Promise<PutResult> {
    const { sha256, temp } = staged
    const path = this.path(sha256)
    const existing = await stat(path).catch(() => undefined)
    // A same-named file of another size is a damaged copy: write it again.
    if (existing?.isFile() && existing.size === staged.size) {
      await unlink(temp).catch(() => undefined)
      return { sha256, path, existed: true }
    }
    const dir = join(this.root, sha256.slice(0, 2))
    await mkdir(dir, { recursive: true, mode: 0o700 })
    await rename(temp, path)
    await fsyncDir(dir)
    return { sha256, path, existed: false }
  }

  async discard(staged: StagedFile): Promise<void> {
    await unlink(staged.temp).catch(() => undefined)
  }

  /**
   * Reconcile the folder with the shas the library knows: report known files
   * that are missing, delete stored files nobody refers to and stale temp
   * files. Names that are neither are left alone (not ours to delete).
   */
  /** Remove a file that no row refers to (an import whose row was refused). */
  remove(sha: string): void {
    assertSha256(sha)
    try {
      unlinkSync(this.path(sha))
    } catch {
      // already gone: nothing to undo
    }
  }

  sweep(
    knownShas: Set<string>,
    now: number = Date.now(),
    staleTempMs: number = STALE_TEMP_MS,
  ): SweepResult {
    const steps = this.sweepSteps(knownShas, now, staleTempMs, false)
    for (;;) {
      const step = steps.next()
      if (step.done) return step.value
    }
  }

  /**
   * The same sweep in short steps (one folder of the store, or a thousand known files checked,
   * each a few milliseconds): the app runs them after start-up between its calls, sparing what
   * this process stores meanwhile (`spareOurs`: rows added meanwhile are for such files).
   */
  *sweepSteps(
    knownShas: Set<string>,
    now: number,
    staleTempMs: number,
    spareOurs: boolean,
  ): Generator<void, SweepResult> {
    const spared = (sha: string) => spareOurs && this.ours.has(sha)
    knownShas.forEach(assertSha256)
    const removedOrphans: string[] = []
    const removedTemp: string[] = []
    const removeIfStale = (file: string, name: string): void => {
      const info = statOrUndefined(file)
      if (info?.isFile() && now - info.mtimeMs >= staleTempMs) {
        unlinkSync(file)
        removedTemp.push(name)
      }
    }
    const prefixes = existsSync(this.root) ? readdirSync(this.root) : []
    for (const prefix of prefixes) {
      const dir = join(this.root, prefix)
      // Imports stage their files in the root (stage).
      if (prefix.startsWith(TEMP_PREFIX)) removeIfStale(dir, prefix)
      if (!PREFIX.test(prefix) || !statOrUndefined(dir)?.isDirectory()) continue
      for (const name of readdirSync(dir)) {
        const file = join(dir, name)
        if (isSha256(name) && name.startsWith(prefix)) {
          if (knownShas.has(name) || spared(name)) continue
          unlinkSync(file)
          removedOrphans.push(name)
        } else if (name.startsWith(TEMP_PREFIX)) {
          // `.tmp-<sha>-<random>`: a write of this process may be in flight.
          if (spared(name.slice(TEMP_PREFIX.length, TEMP_PREFIX.length + 64))) continue
          removeIfStale(file, name)
        }
      }
      yield
    }
    const missing: string[] = []
    let checked = 0
    for (const sha of knownShas) {
      if (!this.has(sha)) missing.push(sha)
      if (++checked % 1_000 === 0) yield
    }
    return {
      missing: missing.sort(),
      removedOrphans: removedOrphans.sort(),
      removedTemp: removedTemp.sort(),
    }
  }
}
