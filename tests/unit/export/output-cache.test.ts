import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { imageHeader } from '../../../electron/services/export/image-header'
import {
  ExportCache,
  pageKey,
  type PageSettings,
} from '../../../electron/services/export/output-cache'
import type { FitResult } from '../../../electron/services/images'
import { tempDir } from '../../helpers/temp'

const temps: (() => void)[] = []
afterEach(() => temps.splice(0).forEach((cleanup) => cleanup()))

function dataDir(): string {
  const temp = tempDir('packetdesk-cache-')
  temps.push(temp.cleanup)
  return temp.dir
}

const settings: PageSettings = {
  source: 'a'.repeat(64),
  page: 0,
  mode: 'upload',
  avatarFit: 'pad',
  watermark: false,
}

/** A real compliant page: a noisy JPEG of `width`×`height` (sizes differ by seed). */
async function page(width: number, height: number, seed = 1): Promise<FitResult> {
  const noise = Buffer.alloc(width * height * 3)
  let x = seed
  for (let i = 0; i < noise.length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff
    noise[i] = x >> 23
  }
  const data = await sharp(noise, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 80 })
    .toBuffer()
  return { data, format: 'jpeg', width, height, bytes: data.length, quality: 80 }
}

let avatar: FitResult
let scan: FitResult
beforeAll(async () => {
  avatar = await page(800, 800)
  scan = await page(640, 900, 2)
})

describe('the export output cache', () => {
  it('gives back exactly what was put, under the data folder’s cache/export (not files/)', async () => {
    const dir = dataDir()
    const cache = new ExportCache(dir)
    const key = pageKey(settings)
    expect(await cache.put(key, scan)).toBe(true)
    expect(cache.dir).toBe(join(dir, 'cache', 'export'))
    const names = readdirSync(cache.dir)
    expect(names).toHaveLength(1)
    const digest = createHash('sha256').update(scan.data).digest('hex')
    expect(names[0]).toBe(`${key}-${digest}.jpg`)

    // Another process (the next export) finds it by reading the folder.
    const again = new ExportCache(dir)
    await again.load()
    const hit = await again.get(key, 'upload')
    expect(hit?.data.equals(scan.data)).toBe(true)
    expect([hit?.format, hit?.width, hit?.height, hit?.bytes]).toEqual([
      'jpeg',
      640,
      900,
      scan.data.length,
    ])
  })

  it('keys on the source and every setting that changes the output', () => {
    const keys = [
      settings,
      { ...settings, source: 'b'.repeat(64) },
      { ...settings, page: 1 },
      { ...settings, watermark: true },
      { ...settings, mode: 'square' as const },
      { ...settings, mode: 'square' as const, avatarFit: 'crop' as const },
    ].map(pageKey)
    expect(new Set(keys).size).toBe(keys.length)
    // The avatar fit does not shape an upload page, nor a watermark the avatar: no needless miss.
    expect(pageKey({ ...settings, avatarFit: 'crop' })).toBe(pageKey(settings))
    expect(pageKey({ ...settings, mode: 'square', watermark: true })).toBe(
      pageKey({ ...settings, mode: 'square' }),
    )
  })

  it('removes and misses an entry whose bytes no longer match its name', async () => {
    const dir = dataDir()
    const cache = new ExportCache(dir)
    const key = pageKey(settings)
    await cache.put(key, scan)
    const [name] = readdirSync(cache.dir)
    const path = join(cache.dir, name ?? '')
    const damaged = Buffer.from(scan.data)
    const middle = damaged.length >> 1
    damaged[middle] = (damaged[middle] ?? 0) ^ 0xff
    writeFileSync(path, damaged)
    const reader = new ExportCache(dir)
    await reader.load()
    expect(await reader.get(key, 'upload')).toBeNull()
    expect(readdirSync(cache.dir)).toEqual([])
  })

  it('misses a truncated entry, an oversized one, and an avatar that is not 800×800', async () => {
    const dir = dataDir()
    const cache = new ExportCache(dir)
    const forge = (key: string, data: Buffer, ext = 'jpg') => {
      const digest = createHash('sha256').update(data).digest('hex')
      // Named after its own (wrong) bytes: only the rules can catch it.
      writeFileSync(join(cache.dir, `${key}-${digest}.${ext}`), data)
    }
    await cache.put(pageKey(settings), scan)
    const truncated = pageKey({ ...settings, page: 1 })
    forge(truncated, scan.data.subarray(0, scan.data.length - 100))
    const oversized = pageKey({ ...settings, page: 2 })
    forge(
      oversized,
      Buffer.concat([scan.data.subarray(0, -2), Buffer.alloc(1_000_001), scan.data.subarray(-2)]),
    )
    const wrongFormat = pageKey({ ...settings, page: 3 })
    forge(wrongFormat, scan.data, 'png')
    const notSquare = pageKey({ ...settings, mode: 'square' })
    forge(notSquare, scan.data)
    const square = pageKey({ ...settings, mode: 'square', avatarFit: 'crop' })
    forge(square, avatar.data)

    const reader = new ExportCache(dir)
    await reader.load()
    expect(await reader.get(truncated, 'upload')).toBeNull()
    expect(await reader.get(oversized, 'upload')).toBeNull()
    expect(await reader.get(wrongFormat, 'upload')).toBeNull()
    expect(await reader.get(notSquare, 'square')).toBeNull()
    expect((await reader.get(square, 'square'))?.data.equals(avatar.data)).toBe(true)
    expect((await reader.get(pageKey(settings), 'upload'))?.data.equals(scan.data)).toBe(true)
    expect(readdirSync(cache.dir)).toHaveLength(2)
  })

  it('evicts the least recently used entries to stay within its cap', async () => {
    const dir = dataDir()
    const pages = await Promise.all([1, 2, 3, 4, 5].map((seed) => page(400, 400, seed)))
    const biggest = Math.max(...pages.map((p) => p.data.length))
    const cap = biggest * 3.5
    const writer = new ExportCache(dir, cap)
    const keys = pages.map((_, i) => pageKey({ ...settings, page: i }))
    for (const [i, result] of pages.entries()) await writer.put(keys[i] ?? '', result)
    // Entry i was last used 10 - i hours ago: 0 is the oldest, 4 the newest.
    const now = Date.now()
    for (const name of readdirSync(writer.dir)) {
      const i = keys.findIndex((k) => name.startsWith(k))
      const used = new Date(now - (10 - i) * 3_600_000)
      utimesSync(join(writer.dir, name), used, used)
    }
    // An export reads entry 0 again: now it is the most recently used.
    await writer.load()
    expect(await writer.get(keys[0] ?? '', 'upload')).not.toBeNull()
    await writer.evict()
    const left = readdirSync(writer.dir)
    const total = left.reduce((sum, name) => sum + statSync(join(writer.dir, name)).size, 0)
    expect(total).toBeLessThanOrEqual(cap)
    // The two longest unused (1, 2) went; the one just read (0) and the newest stayed.
    const kept = keys.filter((k) => left.some((name) => name.startsWith(k)))
    expect(kept).toEqual([keys[0], keys[3], keys[4]])
  })

  it('keeps pages in the background; evict() waits for those writes, then holds the cap', async () => {
    const dir = dataDir()
    const pages = await Promise.all([1, 2, 3, 4, 5].map((seed) => page(400, 400, seed)))
    const cap = Math.max(...pages.map((p) => p.data.length)) * 3.5
    const cache = new ExportCache(dir, cap)
    const keys = pages.map((_, i) => pageKey({ ...settings, page: i }))
    pages.forEach((result, i) => cache.keep(keys[i] ?? '', result))
    await cache.evict()
    // Every write finished (no temp file left) and was counted: the folder is within its cap.
    const left = readdirSync(cache.dir)
    expect(left.every((name) => !name.startsWith('.'))).toBe(true)
    expect(left.length).toBeGreaterThan(0)
    const total = left.reduce((sum, name) => sum + statSync(join(cache.dir, name)).size, 0)
    expect(total).toBeLessThanOrEqual(cap)
    const reader = new ExportCache(dir)
    await reader.load()
    const name = left[0] ?? ''
    const key = keys.find((k) => name.startsWith(k)) ?? ''
    const hit = await reader.get(key, 'upload')
    expect(hit?.data.equals(pages[keys.indexOf(key)]?.data ?? Buffer.alloc(0))).toBe(true)
  })

  it('only skips the entry when it cannot be written', async () => {
    const dir = dataDir()
    writeFileSync(join(dir, 'cache'), 'not a folder')
    const cache = new ExportCache(dir)
    expect(await cache.put(pageKey(settings), scan)).toBe(false)
    await cache.load()
    expect(await cache.get(pageKey(settings), 'upload')).toBeNull()
    await cache.evict()
    expect(readFileSync(join(dir, 'cache'), 'utf8')).toBe('not a folder')
  })
})

describe('imageHeader', () => {
  it('reads a whole JPEG’s and PNG’s size, and nothing from a cut or foreign file', async () => {
    expect(imageHeader(scan.data)).toEqual({ format: 'jpeg', width: 640, height: 900 })
    const png = await sharp(scan.data).png().toBuffer()
    expect(imageHeader(png)).toEqual({ format: 'png', width: 640, height: 900 })
    expect(imageHeader(png.subarray(0, png.length - 1))).toBeNull()
    expect(imageHeader(scan.data.subarray(0, 1000))).toBeNull()
    expect(imageHeader(Buffer.from('%PDF-1.7'))).toBeNull()
  })
})
