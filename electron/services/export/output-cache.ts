import { createHash, randomBytes } from 'node:crypto'
import { mkdir, open, readdir, readFile, rename, stat, unlink, utimes } from 'node:fs/promises'
import { join } from 'node:path'
import type { FitResult } from '../images'
import {
  AVATAR_SIDE,
  LEGIBILITY_FLOOR,
  MAX_QUALITY,
  MAX_UPLOAD_BYTES,
  MAX_WORKING_LONG_SIDE,
} from '../images/limits'
import { ID_COPY_WATERMARK } from '../images/watermark-svg'
import { PDF_RENDER_SCALE } from '../files/limits'
import { APP_VERSION } from '../version'
import { imageHeader } from './image-header'

/**
 * Bump when anything that shapes an output page changes without changing a setting below (the
 * fitting search, the encoder's options, the PDF renderer): old entries then simply miss.
 */
const PIPELINE_VERSION = 1

const MB = 1024 * 1024
/** Default size cap: a few hundred packets' pages. */
const DEFAULT_CACHE_MAX_BYTES = 512 * MB

/** Temp files older than this are a crash's leftovers, not a write in progress. */
const STALE_TEMP_MS = 60 * 60 * 1000

/** `<key>-<sha256 of the bytes>.<jpg|png>`: the name says what the file must hash to. */
const ENTRY = /^([0-9a-f]{64})-([0-9a-f]{64})\.(jpg|png)$/
const TEMP_PREFIX = '.tmp-'

/** Everything that decides one output page besides the code itself. */
export interface PageSettings {
  /** SHA-256 of the stored file. */
  source: string
  /** 0-based page of the stored file. */
  page: number
  mode: 'square' | 'upload'
  avatarFit: 'pad' | 'crop'
  /** ID copies get the watermark (and the export's watermark option is on). */
  watermark: boolean
}

/** The cache key of one output page: the source's hash and every setting that changes it. */
export function pageKey(settings: PageSettings): string {
  const identity = {
    pipeline: PIPELINE_VERSION,
    app: APP_VERSION,
    source: settings.source,
    page: settings.page,
    mode: settings.mode,
    avatarFit: settings.mode === 'square' ? settings.avatarFit : null,
    watermark: settings.watermark && settings.mode === 'upload' ? ID_COPY_WATERMARK : null,
    rules: {
      maxBytes: MAX_UPLOAD_BYTES,
      avatarSide: AVATAR_SIDE,
      floor: LEGIBILITY_FLOOR,
      maxQuality: MAX_QUALITY,
      workingSide: MAX_WORKING_LONG_SIDE,
      pdfScale: PDF_RENDER_SCALE,
    },
  }
  return createHash('sha256').update(JSON.stringify(identity)).digest('hex')
}

const sha256Of = (data: Buffer): string => createHash('sha256').update(data).digest('hex')

/**
 * Compliant output pages of earlier exports, under the data folder's `cache/export/` (never
 * `files/`, which holds only imported originals), so re-exporting an unchanged packet skips the
 * fitting. Safe to delete. Entries are written temp → fsync → rename; every read is verified —
 * the bytes hash to the name, fit the upload rules and are a whole JPEG/PNG — and anything else
 * is removed and counted as a miss, so a damaged entry is rebuilt, never exported. The folder is
 * kept under a size cap, least recently used first (a hit refreshes the entry's mtime). Every
 * failure here is a miss or a skipped write: the cache can slow an export down, never fail it.
 */
export class ExportCache {
  readonly dir: string
  private index = new Map<string, string>()
  private written = 0
  /** Puts begun by keep() and not finished. */
  private readonly writing = new Set<Promise<boolean>>()

  constructor(
    dataDir: string,
    private readonly maxBytes = DEFAULT_CACHE_MAX_BYTES,
  ) {
    this.dir = join(dataDir, 'cache', 'export')
  }

  /** Reads the folder's entries once, so lookups need no directory scan. */
  async load(): Promise<void> {
    this.index = new Map()
    for (const name of await this.names()) {
      const match = ENTRY.exec(name)
      if (match?.[1] !== undefined) this.index.set(match[1], name)
    }
  }

  /** The cached page for `key`, verified; null when absent or not fit to export. */
  async get(key: string, mode: PageSettings['mode']): Promise<FitResult | null> {
    const name = this.index.get(key)
    if (name === undefined) return null
    const path = join(this.dir, name)
    let data: Buffer
    try {
      data = await readFile(path)
    } catch {
      this.index.delete(key)
      return null
    }
    const header = verified(name, data, mode)
    if (!header) {
      this.index.delete(key)
      await unlink(path).catch(() => undefined)
      return null
    }
    // The mtime is the entry's last use: eviction removes the longest unused first.
    const now = new Date()
    await utimes(path, now, now).catch(() => undefined)
    return { data, format: header.format, ...size(header), bytes: data.length }
  }

  /** Stores a fitted page; a failure (disk full, no permission) only means no entry. */
  async put(key: string, result: FitResult): Promise<boolean> {
    const name = `${key}-${sha256Of(result.data)}.${result.format === 'png' ? 'png' : 'jpg'}`
    const temp = join(this.dir, `${TEMP_PREFIX}${randomBytes(6).toString('hex')}`)
    try {
      await mkdir(this.dir, { recursive: true, mode: 0o700 })
      const handle = await open(temp, 'wx', 0o600)
      try {
        await handle.writeFile(result.data)
        await handle.sync()
      } finally {
        await handle.close()
      }
      await rename(temp, join(this.dir, name))
    } catch {
      await unlink(temp).catch(() => undefined)
      return false
    }
    const previous = this.index.get(key)
    if (previous !== undefined && previous !== name) {
      await unlink(join(this.dir, previous)).catch(() => undefined)
    }
    this.index.set(key, name)
    this.written += result.data.length
    return true
  }

  /**
   * put() in the background: a fitted page goes on to be written without waiting for its entry
   * to be fsynced. evict() waits for every one.
   */
  keep(key: string, result: FitResult): void {
    // put() reports failure as false; the catch only makes sure no rejection goes unhandled.
    const writing = this.put(key, result).catch(() => false)
    this.writing.add(writing)
    void writing.finally(() => this.writing.delete(writing))
  }

  /**
   * Removes the least recently used entries until the folder is within its cap, and crashed
   * writes' temp files, once the writes begun by keep() are done. Only after writes: a warm
   * export pays nothing for it.
   */
  async evict(now = Date.now()): Promise<void> {
    await Promise.all(this.writing)
    if (this.written === 0) return
    this.written = 0
    const entries: { name: string; size: number; used: number }[] = []
    for (const name of await this.names()) {
      const info = await stat(join(this.dir, name)).catch(() => undefined)
      if (!info?.isFile()) continue
      if (name.startsWith(TEMP_PREFIX)) {
        if (now - info.mtimeMs > STALE_TEMP_MS) await unlink(join(this.dir, name)).catch(() => {})
        continue
      }
      if (ENTRY.test(name)) entries.push({ name, size: info.size, used: info.mtimeMs })
    }
    let total = entries.reduce((sum, e) => sum + e.size, 0)
    entries.sort((a, b) => a.used - b.used)
    for (const entry of entries) {
      if (total <= this.maxBytes) break
      await unlink(join(this.dir, entry.name)).catch(() => undefined)
      total -= entry.size
      const key = ENTRY.exec(entry.name)?.[1]
      if (key !== undefined && this.index.get(key) === entry.name) this.index.delete(key)
    }
  }

  private async names(): Promise<string[]> {
    try {
      return await readdir(this.dir)
    } catch {
      return []
    }
  }
}

/** The header of an entry that is exactly what it claims and still a compliant upload. */
function verified(name: string, data: Buffer, mode: PageSettings['mode']) {
  const match = ENTRY.exec(name)
  if (!match || sha256Of(data) !== match[2]) return null
  if (data.length > MAX_UPLOAD_BYTES) return null
  const header = imageHeader(data)
  if (!header || (header.format === 'png' ? 'png' : 'jpg') !== match[3]) return null
  if (header.width < 1 || header.height < 1) return null
  if (mode === 'square') {
    const square = header.width === AVATAR_SIDE && header.height === AVATAR_SIDE
    if (header.format !== 'jpeg' || !square) return null
  }
  return header
}

function size(header: { width: number; height: number }) {
  return { width: header.width, height: header.height }
}
