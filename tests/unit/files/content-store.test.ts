import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ContentStore, STALE_TEMP_MS } from '../../../electron/services/files/content-store'
import { AppError } from '../../../shared/errors'
import { tempDir } from '../../helpers/temp'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

function newStore(): ContentStore {
  const { dir, cleanup } = tempDir()
  cleanups.push(cleanup)
  return new ContentStore(join(dir, 'files'))
}

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')
const listAll = (root: string) => readdirSync(root, { recursive: true }).map(String).sort()

function codeOf(run: () => unknown): string | undefined {
  try {
    run()
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError'
  }
  return undefined
}

describe('ContentStore', () => {
  it('stores bytes under <root>/ab/abcdef… and stores the same bytes once', async () => {
    const store = newStore()
    const bytes = Buffer.from('营业执照扫描件')
    const first = await store.put(bytes)
    expect(first).toEqual({
      sha256: sha(bytes),
      path: join(store.root, sha(bytes).slice(0, 2), sha(bytes)),
      existed: false,
    })
    const second = await store.put(Buffer.from(bytes))
    expect(second).toEqual({ ...first, existed: true })
    expect(listAll(store.root)).toEqual([
      sha(bytes).slice(0, 2),
      join(sha(bytes).slice(0, 2), sha(bytes)),
    ])
    expect(store.has(first.sha256)).toBe(true)
    expect(store.path(first.sha256)).toBe(first.path)
    expect(await store.read(first.sha256)).toEqual(bytes)
  })

  it.skipIf(process.platform === 'win32')('keeps stored files private to the user', async () => {
    const store = newStore()
    const { path } = await store.put(Buffer.from('x'))
    expect(statSync(path).mode & 0o777).toBe(0o600)
  })

  it('rewrites a damaged copy and reports a missing or damaged file on read', async () => {
    const store = newStore()
    const bytes = Buffer.from('original content')
    const { sha256, path } = await store.put(bytes)
    writeFileSync(path, 'short')
    expect((await store.put(bytes)).existed).toBe(false)
    expect(await store.read(sha256)).toEqual(bytes)

    writeFileSync(path, 'ORIGINAL CONTENT')
    await expect(store.read(sha256)).rejects.toMatchObject({ code: 'INTERNAL' })
    await expect(store.read(sha(Buffer.from('never stored')))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    })
  })

  it('refuses sha strings that are not 64 lower-case hex digits (no path traversal)', async () => {
    const store = newStore()
    const bad = [
      '../../../../etc/passwd',
      `..${'/a'.repeat(31)}`,
      'a'.repeat(63),
      'a'.repeat(65),
      'A'.repeat(64),
      `${'a'.repeat(62)}/b`,
      `${'a'.repeat(63)}\0`,
      '',
    ]
    for (const value of bad) {
      expect(codeOf(() => store.path(value))).toBe('INVALID_ARGUMENT')
      expect(codeOf(() => store.has(value))).toBe('INVALID_ARGUMENT')
      await expect(store.read(value)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' })
    }
    expect(codeOf(() => store.sweep(new Set(['../x'])))).toBe('INVALID_ARGUMENT')
  })

  it('sweep reports missing files and removes orphans and stale temp files only', async () => {
    const store = newStore()
    const kept = await store.put(Buffer.from('kept'))
    const orphan = await store.put(Buffer.from('orphan'))
    const gone = sha(Buffer.from('deleted behind our back'))
    const dir = join(store.root, kept.sha256.slice(0, 2))
    const staleTemp = join(dir, `.tmp-${kept.sha256}-aaaaaa`)
    const freshTemp = join(dir, `.tmp-${kept.sha256}-bbbbbb`)
    const foreign = join(store.root, 'README.txt')
    writeFileSync(staleTemp, 'half written')
    writeFileSync(freshTemp, 'being written')
    writeFileSync(foreign, 'not ours')
    const old = new Date(Date.now() - STALE_TEMP_MS - 60_000)
    utimesSync(staleTemp, old, old)

    const result = store.sweep(new Set([kept.sha256, gone]))

    expect(result).toEqual({
      missing: [gone],
      removedOrphans: [orphan.sha256],
      removedTemp: [`.tmp-${kept.sha256}-aaaaaa`],
    })
    expect(store.has(kept.sha256)).toBe(true)
    expect(store.has(orphan.sha256)).toBe(false)
    expect(existsSync(staleTemp)).toBe(false)
    expect(existsSync(freshTemp)).toBe(true)
    expect(existsSync(foreign)).toBe(true)
  })

  it('a staged file is not stored until committed; discarded, nothing is left', async () => {
    const store = newStore()
    const refused = await store.stage(Buffer.from('refused scan'))
    expect(store.has(refused.sha256)).toBe(false)
    expect(existsSync(refused.temp)).toBe(true)
    await store.discard(refused)
    expect(listAll(store.root)).toEqual([])

    const accepted = await store.stage(Buffer.from('accepted scan'))
    expect(await store.commit(accepted)).toMatchObject({ existed: false })
    expect((await store.read(accepted.sha256)).toString()).toBe('accepted scan')
    const again = await store.stage(Buffer.from('accepted scan'))
    expect(await store.commit(again)).toMatchObject({ existed: true })
    expect(listAll(store.root).filter((n) => n.includes('.tmp-'))).toEqual([])
  })

  it("sweep removes an import's stale staged file from the root, not a fresh one", async () => {
    const store = newStore()
    const stale = await store.stage(Buffer.from('crashed import'))
    const fresh = await store.stage(Buffer.from('import in flight'))
    const old = new Date(Date.now() - STALE_TEMP_MS - 60_000)
    utimesSync(stale.temp, old, old)
    expect(store.sweep(new Set()).removedTemp).toEqual([stale.temp.slice(store.root.length + 1)])
    expect(existsSync(stale.temp)).toBe(false)
    expect(existsSync(fresh.temp)).toBe(true)
    expect(store.sweep(new Set(), Date.now(), 0).removedTemp).toHaveLength(1)
  })

  it('sweep of a store that was never written reports every known sha missing', () => {
    const store = newStore()
    const known = sha(Buffer.from('a'))
    expect(store.sweep(new Set([known]))).toEqual({
      missing: [known],
      removedOrphans: [],
      removedTemp: [],
    })
  })

  it('leaves no temp file behind after a put, even for concurrent puts of the same bytes', async () => {
    const store = newStore()
    const bytes = Buffer.alloc(200_000, 7)
    const results = await Promise.all([store.put(bytes), store.put(bytes), store.put(bytes)])
    expect(new Set(results.map((r) => r.sha256)).size).toBe(1)
    const dir = join(store.root, sha(bytes).slice(0, 2))
    expect(readdirSync(dir)).toEqual([sha(bytes)])
    mkdirSync(join(store.root, 'zz'))
    expect(store.sweep(new Set([sha(bytes)])).missing).toEqual([])
  })
})
