import { randomBytes } from 'node:crypto'
import {
  closeSync,
  existsSync,
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
    const path = this.path(sha256)
    // Most files of a big library are not read: asking first is much cheaper than a failed read
    // (a plan looks up every file of its packet; 今日 plans every packet).
    if (!existsSync(path)) return null
    let raw: string
    try {
      raw = readFileSync(path, 'utf8')
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

  /** The files with an entry now, in one listing: for a caller about to look up thousands. */
  storedShas(): Set<string> {
    let names: string[]
    try {
      names = readdirSync(this.dir)
    } catch {
      return new Set()
    }
    return new Set(names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -'.json'.length)))
  }

  putPages(sha256: string, pages: readonly PaperPage[]): void {
    this.write(sha256, { engine: OCR_ENGINE_ID, pages })
  }

  putFailure(sha256: string, reason: string): void {
    this.write(sha256, { engine: OCR_ENGINE_ID, failed: reason })
  }

  /** A field's line picture, cached beside the read (null when not made yet). */
  crop(sha256: string, field: string): Buffer | null {
    try {
      return readFileSync(this.cropPath(sha256, field))
    } catch {
      return null
    }
  }

  putCrop(sha256: string, field: string, png: Buffer): void {
    this.writeBytes(this.cropPath(sha256, field), png)
  }

  /** The read and its crops. */
  remove(sha256: string): void {
    rmSync(this.path(sha256), { force: true })
    for (const name of this.names()) {
      if (name.startsWith(`${sha256}.`) && name.endsWith('.png')) {
        rmSync(join(this.dir, name), { force: true })
      }
    }
  }

  private cropPath(sha256: string, field: string): string {
    if (!/^[A-Za-z]{1,40}$/u.test(field)) throw new Error('not a field name')
    return this.path(sha256).replace(/\.json$/u, `.${field}.png`)
  }

  private names(): string[] {
    try {
      return readdirSync(this.dir)
    } catch {
      return []
    }
  }

  private write(sha256: string, entry: unknown): void {
    this.writeBytes(this.path(sha256), Buffer.from(JSON.stringify(entry)))
  }

  private writeBytes(target: string, bytes: Buffer): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 })
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`
    const fd = openSync(temp, 'w', 0o600)
    try {
      writeSync(fd, bytes)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temp, target)
  }
}
