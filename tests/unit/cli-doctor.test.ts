import { createHash } from 'node:crypto'
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { LATEST_SCHEMA_VERSION } from '../../electron/services/db/migrations'
import { runCliProcess } from '../helpers/cli'
import { tempDir } from '../helpers/temp'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

function dataDir(): string {
  const { dir, cleanup } = tempDir()
  cleanups.push(cleanup)
  return dir
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')

describe('cli doctor', () => {
  it('prints ok JSON for an empty data folder', () => {
    const dir = dataDir()
    const result = runCliProcess(['doctor', '--data-dir', dir])
    expect(result.status).toBe(0)
    const report = JSON.parse(result.stdout) as Record<string, unknown>
    expect(report).toMatchObject({
      ok: true,
      dataDir: dir,
      integrity: 'ok',
      schemaVersion: LATEST_SCHEMA_VERSION,
    })
    expect(report.sqlite).toMatch(/^3\.\d+\.\d+$/)
  })

  it('uses PACKETDESK_DATA_DIR when no flag is given', () => {
    const dir = dataDir()
    const result = runCliProcess(['doctor'], { PACKETDESK_DATA_DIR: dir })
    expect(result.status).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, dataDir: dir })
  })

  it('exits 1 for a file that is not a database and leaves it untouched', () => {
    const dir = dataDir()
    expect(runCliProcess(['doctor', '--data-dir', dir]).status).toBe(0)
    const file = join(dir, 'packetdesk.sqlite')
    const fd = openSync(file, 'r+')
    writeSync(fd, Buffer.from('this is not a SQLite header at all'), 0, 32, 0)
    closeSync(fd)
    const before = sha(file)
    const result = runCliProcess(['doctor', '--data-dir', dir])
    expect(result.status).toBe(1)
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false })
    expect(result.stderr).toContain('数据库检查未通过')
    expect(sha(file)).toBe(before)
  })

  it('exits 1 when integrity_check finds damage inside a page', () => {
    const dir = dataDir()
    expect(runCliProcess(['doctor', '--data-dir', dir]).status).toBe(0)
    const file = join(dir, 'packetdesk.sqlite')
    const size = readFileSync(file).length
    const pageSize = 4096
    expect(size).toBeGreaterThanOrEqual(2 * pageSize)
    // Page 2 is the settings table's b-tree: scribble over its header.
    const fd = openSync(file, 'r+')
    writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, pageSize)
    closeSync(fd)
    const before = sha(file)
    const result = runCliProcess(['doctor', '--data-dir', dir])
    expect(result.status).toBe(1)
    const report = JSON.parse(result.stdout) as { ok: boolean; integrity: string }
    expect(report.ok).toBe(false)
    expect(report.integrity).not.toBe('ok')
    expect(sha(file)).toBe(before)
  })

  it('exits 2 with usage for unknown verbs, bad flags and no verb', () => {
    for (const args of [['frobnicate'], ['doctor', '--bogus'], ['doctor', 'extra'], []]) {
      const result = runCliProcess(args)
      expect(result.status, args.join(' ')).toBe(2)
      expect(result.stderr, args.join(' ')).toContain('用法')
    }
  })
})
