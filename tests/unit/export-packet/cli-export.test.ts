import { existsSync, readdirSync } from 'node:fs'
import { basename } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportVerb } from '../../../electron/cli/export'
import type { CliIo } from '../../../electron/cli/io'
import { DEMO, demoLibrary, exportProblem, type DemoLibrary } from '../../helpers/export-fixtures'

let lib: DemoLibrary

beforeAll(async () => {
  lib = await demoLibrary()
}, 60_000)
afterAll(() => lib.cleanup())

async function run(args: string[]) {
  const out: string[] = []
  const err: string[] = []
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env: { ...process.env, PACKETDESK_DATA_DIR: lib.dataDir },
  }
  const code = await exportVerb(args, io)
  return { code, stdout: out.join(''), stderr: err.join('') }
}

describe('cli export', () => {
  it('exports a ready packet and prints the folder path (exit 0)', async () => {
    const out = lib.outDir()
    const id = lib.packets[DEMO.ready] ?? ''
    const result = await run(['--packet', id, '--data-dir', lib.dataDir, '--out', out])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const folder = result.stdout.trim()
    expect(result.stdout).toBe(`${folder}\n`)
    expect(existsSync(folder)).toBe(true)
    expect(basename(folder)).toMatch(/^青禾文化_资质包_\d{4}-\d{2}-\d{2}$/)
    expect(exportProblem(folder)).toBeNull()
  }, 30_000)

  it('refuses a packet that is not ready without --draft (exit 1, reason on stderr)', async () => {
    const out = lib.outDir()
    const id = lib.packets[DEMO.person] ?? ''
    const result = await run(['--packet', id, '--out', out])
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain('禾木生活')
    expect(result.stderr).toContain('缺少：账号头像')
    expect(result.stderr).not.toContain('11010519491231002X')
    expect(readdirSync(out)).toEqual([])
  })

  it('exports it with --draft', async () => {
    const out = lib.outDir()
    const id = lib.packets[DEMO.person] ?? ''
    const result = await run(['--packet', id, '--out', out, '--draft'])
    expect(result.code).toBe(0)
    expect(basename(result.stdout.trim())).toMatch(/^禾木生活_资质包_草稿_/)
  }, 30_000)

  it('exits 2 for bad arguments and unknown packets', async () => {
    const out = lib.outDir()
    const unknown = await run(['--packet', 'pk-nope', '--out', out])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('找不到资质包')
    for (const args of [
      ['--out', out],
      ['--packet', lib.packets[DEMO.ready] ?? ''],
      ['--packet', 'x', '--out', out, '--colour'],
      ['--packet', 'x', '--out', out, 'extra'],
    ]) {
      const result = await run(args)
      expect(result.code, args.join(' ')).toBe(2)
      expect(result.stderr, args.join(' ')).toContain('参数错误')
      expect(result.stderr).toContain('packetdesk export')
    }
    expect(readdirSync(out)).toEqual([])
  })
})
