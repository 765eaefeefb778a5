import { randomBytes } from 'node:crypto'
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import {
  assembleRead,
  paperReadSchema,
  type PaperPage,
  type PaperRead,
} from '../../../shared/reading/paper-read'

/**
 * Which OCR produced a cached page read: a new engine, model or page size reads again. The
 * fields are assembled from the cached lines on every load, so better extractors need no
 * re-reading.
 */
const OCR_ENGINE_ID = 'ppocr-v4/gutenye-1.4.8/2000px/1'

const entrySchema = z.union([
  z.object({ engine: z.string(), pages: paperReadSchema.shape.pages }),
  z.object({ engine: z.string(), failed: z.string() }),
])

const SHA256 = /^[0-9a-f]{64}$/u

export type CachedRead = { read: PaperRead } | { failed: string }

/**
 * What the scans say, cached under the data folder's `cache/read/` by the file's SHA-256 (issue
 * 12): safe to delete (the scans are read again), never inside `files/`, which holds only
 * imported originals. Written temp → fsync → rename, so a crash leaves the old entry or none; an
 * entry that does not parse, or from another engine, counts as absent.
 */
export class ReadCache {
  readonly dir: string

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'cache', 'read')
  }

  private path(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error('not a SHA-256')
    return join(this.dir, `${sha256}.json`)
  }

  get(sha256: string, today: string): CachedRead | null {
    let raw: string
    try {
      raw = readFileSync(this.path(sha256), 'utf8')
    } catch {
      return null
    }
    try {
      const entry = entrySchema.parse(JSON.parse(raw))
      if (entry.engine !== OCR_ENGINE_ID) return null
      if ('failed' in entry) return { failed: entry.failed }
      return { read: assembleRead(entry.pages, today) }
    } catch {
      rmSync(this.path(sha256), { force: true })
      return null
    }
  }

  putPages(sha256: string, pages: readonly PaperPage[]): void {
    this.write(sha256, { engine: OCR_ENGINE_ID, pages })
  }

  putFailure(sha256: string, reason: string): void {
    this.write(sha256, { engine: OCR_ENGINE_ID, failed: reason })
  }

  remove(sha256: string): void {
    rmSync(this.path(sha256), { force: true })
  }

  /** The SHA-256s with an entry (any engine). */
  list(): string[] {
    try {
      return readdirSync(this.dir)
        .filter((name) => name.endsWith('.json'))
        .map((name) => name.slice(0, -5))
        .filter((name) => SHA256.test(name))
    } catch {
      return []
    }
  }

  private write(sha256: string, entry: unknown): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 })
    const target = this.path(sha256)
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`
    const fd = openSync(temp, 'w', 0o600)
    try {
      writeSync(fd, JSON.stringify(entry))
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temp, target)
  }
}
