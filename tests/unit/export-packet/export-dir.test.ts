import { chmodSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Backend } from '../../../electron/services/backend'
import { checkExportDir } from '../../../electron/services/export/check-dir'
import { demoBackend } from '../../helpers/backend'
import { tempDir } from '../../helpers/temp'

// Issue 13 item 20: the export folder is remembered; a typed folder is checked before use.
let backend: Backend
let cleanup: () => void
const temp = tempDir()
beforeAll(async () => {
  ;({ backend, cleanup } = await demoBackend())
}, 60_000)
afterAll(() => {
  cleanup()
  temp.cleanup()
})

describe('export folder', () => {
  it('checks a typed folder: relative, a file, a file on the way, no permission, missing but creatable', () => {
    const file = join(temp.dir, 'note.txt')
    writeFileSync(file, 'x')
    expect(checkExportDir('')).toMatchObject({ ok: false, message: '请填写导出文件夹。' })
    expect(checkExportDir('exports')).toMatchObject({ ok: false })
    expect(checkExportDir(file)).toEqual({ ok: false, message: '这是一个文件，不是文件夹。' })
    expect(checkExportDir(join(file, 'sub'))).toMatchObject({
      ok: false,
      message: expect.stringContaining('是一个文件') as unknown,
    })
    expect(checkExportDir(join(temp.dir, 'new', 'deeper'))).toEqual({ ok: true })
    if (process.getuid?.() !== 0) {
      // root may write anywhere: the permission case only means something for a clerk's login.
      const locked = join(temp.dir, 'locked')
      mkdirSync(locked)
      chmodSync(locked, 0o500)
      expect(checkExportDir(join(locked, 'out'))).toMatchObject({ ok: false })
      chmodSync(locked, 0o700)
    }
  })

  it('offers the default first, then the folder the last export went to; a bad folder changes nothing', async () => {
    const h = backend.handlers
    const first = await h['exports.defaultDir']({})
    expect(first.remembered).toBe(false)
    expect(first.dir).toBe(first.defaultDir)

    const ready = (await h['packets.list']({})).find((p) => p.accountName === '青禾文化')
    const file = join(temp.dir, 'a-file')
    writeFileSync(file, 'x')
    await expect(
      h['exports.run']({ packetId: ready?.id ?? '', outDir: join(file, 'out') }),
    ).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' })
    expect((await h['exports.defaultDir']({})).remembered).toBe(false)

    const outDir = join(temp.dir, '导出')
    const result = await h['exports.run']({ packetId: ready?.id ?? '', outDir })
    expect(existsSync(result.folder)).toBe(true)
    expect(readdirSync(outDir)).toHaveLength(1)
    const next = await h['exports.defaultDir']({})
    expect(next).toMatchObject({ dir: outDir, remembered: true, defaultDir: first.defaultDir })
  })
})
