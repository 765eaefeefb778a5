import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Backend } from '../../../electron/services/backend'
import { dispatch } from '../../../electron/services/dispatch'
import { auditRows, suiteDemoBackend } from '../../helpers/backend'

let backend: Backend
let dir: string
let cleanup: () => Promise<void>

beforeAll(async () => {
  ;({ backend, dir, cleanup } = await suiteDemoBackend())
}, 60_000)
afterAll(() => cleanup())

describe('exports over the contract', () => {
  it('exports a ready packet into the chosen folder and refuses a not-ready one without draft', async () => {
    const packets = await backend.handlers['packets.list']({})
    const ready = packets.find((p) => p.accountName === '青禾文化')
    const notReady = packets.find((p) => p.accountName === '山岚旗舰店')
    const outDir = join(dir, 'out')
    const done = await dispatch(backend.handlers, 'exports.run', { packetId: ready?.id, outDir })
    expect(done).toMatchObject({ ok: true })
    expect(readdirSync(outDir).some((n) => n.startsWith('青禾文化_资质包_2026-11-28'))).toBe(true)
    const refused = await dispatch(backend.handlers, 'exports.run', {
      packetId: notReady?.id,
      outDir,
    })
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(readdirSync(outDir).filter((n) => n.startsWith('山岚旗舰店'))).toEqual([])
    const audit = (await auditRows(backend)).filter((r) => r.action === 'export')
    expect(audit).toHaveLength(1)
  }, 60_000)

  it('refuses a relative output folder at the door and opening folders that are not exports', async () => {
    const relative = await dispatch(backend.handlers, 'exports.run', {
      packetId: 'x',
      outDir: 'out',
    })
    expect(relative).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', field: 'outDir' },
    })
    const open = await dispatch(backend.handlers, 'exports.openFolder', { path: '/etc' })
    expect(open).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: '只能打开本次导出的文件夹。' },
    })
  })
})
