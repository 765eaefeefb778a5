import { existsSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import { createBackend, type Backend } from '../../../electron/services/backend'
import { sha256Of } from '../../../electron/services/files/content-store'
import { sweepAfterStart } from '../../../electron/services/files/store-sweep'
import { tempDir } from '../../helpers/temp'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

/**
 * A library with one imported scan whose file then vanished, a stray file no row refers to and
 * a temp file of an interrupted write: what the start-up sweep exists for.
 */
async function damagedLibrary(): Promise<{ dir: string; orphan: string; leftover: string }> {
  const { dir, cleanup } = tempDir()
  cleanups.push(cleanup)
  const first = createBackend({ dataDir: dir })
  const company = await first.handlers['companies.save']({ name: '青禾', region: 'domestic' })
  const jpeg = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#3c3' } })
    .jpeg()
    .toBuffer()
  const doc = await first.handlers['documents.import']({
    ownerKind: 'company',
    ownerId: company.id,
    requirement: 'industry_qualification',
    subject: 'a/b',
    fileName: 'x.jpg',
    dataBase64: jpeg.toString('base64'),
  })
  first.close()
  rmSync(first.store.path(doc.file?.sha256 ?? ''))
  mkdirSync(join(dir, 'files', 'ff'), { recursive: true })
  const orphan = join(dir, 'files', 'ff', 'f'.repeat(64))
  writeFileSync(orphan, 'stray')
  const leftover = join(dir, 'files', 'ff', `.tmp-${'f'.repeat(64)}-abcdef`)
  writeFileSync(leftover, 'half written')
  const before = new Date(Date.now() - 60_000)
  utimesSync(leftover, before, before)
  return { dir, orphan, leftover }
}

function open(dir: string): Backend {
  const backend = createBackend({ dataDir: dir, sweep: 'after-start' })
  cleanups.push(() => backend.close())
  return backend
}

describe('the file store swept after start-up (issue 14)', () => {
  it('does not hold the open, and still does its whole job when its figures are asked for', async () => {
    const { dir, orphan, leftover } = await damagedLibrary()
    const backend = open(dir)
    // Opened without sweeping: the first page does not wait for it.
    expect(existsSync(orphan)).toBe(true)
    expect(existsSync(leftover)).toBe(true)
    // 设置 asks for its figures: the sweep runs now and they are what it found.
    const info = await backend.handlers['system.info']({})
    expect(info.filesMissing).toBe(1)
    expect(info.orphansRemoved).toBe(1)
    expect(existsSync(orphan)).toBe(false)
    expect(existsSync(leftover)).toBe(false)
    // Asked again: the same sweep's figures, not a second sweep.
    expect((await backend.handlers['system.info']({})).orphansRemoved).toBe(1)
  })

  it('starts by itself after its delay', async () => {
    const { dir, orphan, leftover } = await damagedLibrary()
    const backend = open(dir)
    const health = await sweepAfterStart(backend.db, backend.store, 0)()
    expect(health).toEqual({ missing: 1, orphansRemoved: 1 })
    expect(existsSync(orphan)).toBe(false)
    expect(existsSync(leftover)).toBe(false)
  })

  it('spares what this process stores while it runs (an import whose row is not committed yet)', async () => {
    const { dir, orphan } = await damagedLibrary()
    const backend = open(dir)
    const bytes = Buffer.from('an import in flight: file stored, row not yet')
    const inFlight = await backend.store.put(bytes)
    // Its temp file of a second write in flight, newer than the open.
    const writing = join(
      dir,
      'files',
      inFlight.sha256.slice(0, 2),
      `.tmp-${inFlight.sha256}-0a0b0c`,
    )
    writeFileSync(writing, 'being written')
    await backend.handlers['system.info']({})
    expect(backend.store.has(inFlight.sha256)).toBe(true)
    expect(existsSync(writing)).toBe(true)
    expect(inFlight.sha256).toBe(sha256Of(bytes))
    // The stray file from before the start is still removed.
    expect(existsSync(orphan)).toBe(false)
  })

  it('stops when its library is closed (a restore, quitting); the next open sweeps', async () => {
    const { dir, orphan } = await damagedLibrary()
    const backend = createBackend({ dataDir: dir, sweep: 'after-start' })
    const health = sweepAfterStart(backend.db, backend.store, 60_000)
    backend.close()
    expect(await health()).toEqual({ missing: 0, orphansRemoved: 0 })
    expect(existsSync(orphan)).toBe(true)
    const next = createBackend({ dataDir: dir })
    next.close()
    expect(existsSync(orphan)).toBe(false)
  })
})
