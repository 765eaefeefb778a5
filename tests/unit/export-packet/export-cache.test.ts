import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportPacket } from '../../../electron/services/export/export-packet'
import type { ExportResult, ManifestFile } from '../../../electron/services/export/types'
import {
  DEMO,
  DEMO_TODAY,
  demoLibrary,
  exportProblem,
  listFiles,
  type DemoLibrary,
} from '../../helpers/export-fixtures'
import { expectUploadedImages } from './assertions'

/**
 * Re-exports reuse the pages an earlier export fitted (export/output-cache.ts), on either engine:
 * the cache is the data folder's own. What is reused must be exactly what a fresh export writes.
 */
let lib: DemoLibrary
let cacheDir: string
let first: ExportResult

const exportReady = (watermark = true) =>
  exportPacket(lib.backend.context, lib.packets[DEMO.ready] ?? '', lib.outDir(), {
    today: DEMO_TODAY,
    watermark,
  })

/** What a re-export must reproduce: every upload's path and bytes (with its manifest facts). */
const uploads = (result: ExportResult): ManifestFile[] =>
  result.manifest.files.filter((f) => f.kind === 'upload')

const entries = (): string[] => readdirSync(cacheDir).filter((n) => !n.startsWith('.'))

beforeAll(async () => {
  lib = await demoLibrary(true)
  cacheDir = join(lib.dataDir, 'cache', 'export')
  first = await exportReady()
}, 60_000)
afterAll(() => lib.cleanup())

describe('re-exporting an unchanged packet', () => {
  it('keeps one entry per page under cache/export, none in files/', () => {
    expect(entries()).toHaveLength(uploads(first).length)
    for (const name of entries()) {
      const [, digest] = /^[0-9a-f]{64}-([0-9a-f]{64})\.(jpg|png)$/.exec(name) ?? []
      const data = readFileSync(join(cacheDir, name))
      expect(createHash('sha256').update(data).digest('hex')).toBe(digest)
    }
    const stored = listFiles(lib.dataDir).filter((p) => /^(files|team-cache)\//.test(p))
    expect(stored.some((p) => p.includes('cache/export'))).toBe(false)
  })

  it('takes every page from the cache, byte for byte what the first export wrote', async () => {
    // Mark every entry as unused for a day: a hit refreshes it.
    const dayAgo = new Date(Date.now() - 86_400_000)
    for (const name of entries()) utimesSync(join(cacheDir, name), dayAgo, dayAgo)
    const again = await exportReady()
    expect(exportProblem(again.folder)).toBeNull()
    expect(uploads(again)).toEqual(uploads(first))
    for (const name of entries()) {
      expect(statSync(join(cacheDir, name)).mtimeMs).toBeGreaterThan(dayAgo.getTime() + 1000)
    }
  }, 60_000)

  it('rebuilds damaged entries (cut short, bytes changed) and never exports them', async () => {
    for (const [i, name] of entries().entries()) {
      const path = join(cacheDir, name)
      const data = readFileSync(path)
      if (i % 2 === 0) writeFileSync(path, data.subarray(0, data.length >> 1))
      else
        writeFileSync(
          path,
          Buffer.concat([data.subarray(0, 200), Buffer.alloc(64, 0x41), data.subarray(264)]),
        )
    }
    const again = await exportReady()
    expect(exportProblem(again.folder)).toBeNull()
    await expectUploadedImages(again.folder, uploads(again))
    expect(uploads(again)).toEqual(uploads(first))
    // Each damaged entry was replaced by a sound one.
    expect(entries()).toHaveLength(uploads(first).length)
    for (const name of entries()) {
      const data = readFileSync(join(cacheDir, name))
      expect(name).toContain(createHash('sha256').update(data).digest('hex'))
    }
  }, 60_000)

  it('misses when a setting changes: without the watermark only the ID copy is made anew', async () => {
    const person = lib.packets[DEMO.person] ?? ''
    const options = { today: DEMO_TODAY, draft: true }
    const marked = await exportPacket(lib.backend.context, person, lib.outDir(), options)
    const before = new Set(entries())
    const plain = await exportPacket(lib.backend.context, person, lib.outDir(), {
      ...options,
      watermark: false,
    })
    const added = entries().filter((n) => !before.has(n))
    expect(added).toHaveLength(1)
    const idCopy = (r: ExportResult) =>
      uploads(r).find((f) => f.requirement === 'registrant_id_copy')
    expect(idCopy(plain)?.sha256).not.toBe(idCopy(marked)?.sha256)
    expect(added[0]).toContain(idCopy(plain)?.sha256)
    const others = (r: ExportResult) =>
      uploads(r).filter((f) => f.requirement !== 'registrant_id_copy')
    expect(others(plain)).toEqual(others(marked))
  }, 60_000)

  it('still exports when the cache cannot be written', async () => {
    rmSync(cacheDir, { recursive: true, force: true })
    writeFileSync(cacheDir, 'in the way')
    try {
      const again = await exportReady()
      expect(exportProblem(again.folder)).toBeNull()
      await expectUploadedImages(again.folder, uploads(again))
      expect(uploads(again)).toEqual(uploads(first))
    } finally {
      rmSync(cacheDir, { force: true })
    }
  }, 60_000)
})
