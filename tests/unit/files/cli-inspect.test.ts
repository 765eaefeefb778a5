import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { inspectVerb } from '../../../electron/cli/inspect'
import { UsageError, type CliIo } from '../../../electron/cli/io'
import { elfBytes, pngBytes, truncatedJpeg } from '../../helpers/fixtures-files'
import { tempDir } from '../../helpers/temp'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

function folder(): string {
  const { dir, cleanup } = tempDir()
  cleanups.push(cleanup)
  return dir
}

function capture(): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    env: {},
    stdout: (text: string) => {
      io.out += text
    },
    stderr: (text: string) => {
      io.err += text
    },
  }
  return io
}

describe('cli inspect', () => {
  it('prints the facts as JSON and exits 0', async () => {
    const file = join(folder(), 'logo.png')
    const bytes = await pngBytes(120, 80)
    writeFileSync(file, bytes)
    const io = capture()
    expect(await inspectVerb([file], io)).toBe(0)
    expect(JSON.parse(io.out)).toEqual({
      format: 'png',
      width: 120,
      height: 80,
      bytes: bytes.length,
      pages: 1,
      color: true,
    })
    expect(io.err).toBe('')
  })

  it('explains a refusal on stderr and exits 2, without echoing the path', async () => {
    const dir = folder()
    const cases: [string, Buffer][] = [
      ['身份证110101199003074514.jpg', elfBytes()],
      ['scan.jpg', await truncatedJpeg()],
    ]
    for (const [name, bytes] of cases) {
      writeFileSync(join(dir, name), bytes)
      const io = capture()
      expect(await inspectVerb([join(dir, name)], io)).toBe(2)
      expect(io.out).toBe('')
      expect(io.err).toMatch(/^已拒绝：/)
      expect(io.err).not.toContain('110101199003074514')
    }
  })

  it('exits 2 for a missing file or a folder', async () => {
    const dir = folder()
    for (const path of [join(dir, 'nope.jpg'), dir]) {
      const io = capture()
      expect(await inspectVerb([path], io)).toBe(2)
      expect(io.err).toMatch(/^无法读取文件/)
    }
  })

  it('needs exactly one file and no unknown flags', async () => {
    await expect(inspectVerb([], capture())).rejects.toBeInstanceOf(UsageError)
    await expect(inspectVerb(['a', 'b'], capture())).rejects.toBeInstanceOf(UsageError)
    await expect(inspectVerb(['--what', 'a'], capture())).rejects.toMatchObject({
      code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION',
    })
  })
})
