import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Backend } from '../../../electron/services/backend'
import { AppError } from '../../../shared/errors'
import type { LetterRecord } from '../../../shared/library/schemas'
import { auditRows, suiteDemoBackend } from '../../helpers/backend'
import { pageCount, pdftotext } from '../../helpers/pdf-tools'
import { tempDir } from '../../helpers/temp'

let backend: Backend
let cleanup: () => Promise<void>
const letters: LetterRecord[] = []
const outside = tempDir()
const h = () => backend.handlers

beforeAll(async () => {
  ;({ backend, cleanup } = await suiteDemoBackend())
  // Every demo packet's letters, one per trademark: letters of several relations and packets.
  for (const packet of await h()['packets.list']({})) {
    const result = await h()['letters.generateForPacket']({
      packetId: packet.id,
      perTrademark: true,
    })
    letters.push(...result.letters)
  }
  if (letters.length < 2) throw new Error('the demo gives fewer than two letters')
}, 90_000)
afterAll(async () => {
  await cleanup()
  outside.cleanup()
})

const bytesOf = async (letter: LetterRecord) =>
  new Uint8Array(await backend.context.files.read(letter.pdfSha256))

describe('全部打印: one combined PDF of the batch', () => {
  it('has every letter’s pages, in order: page count is the sum, each page’s text its letter’s', async () => {
    const { fileName, dataBase64 } = await h()['letters.combinedPdf']({
      ids: letters.map((l) => l.id),
    })
    expect(fileName).toMatch(
      new RegExp(`^授权书合并打印_${letters.length}份_\\d{4}-\\d{2}-\\d{2}\\.pdf$`),
    )
    const combined = new Uint8Array(Buffer.from(dataBase64, 'base64'))
    const singles = await Promise.all(letters.map(bytesOf))
    const counts = singles.map((pdf) => pageCount(pdf))
    expect(pageCount(combined)).toBe(counts.reduce((a, b) => a + b, 0))
    let page = 1
    for (const [i, single] of singles.entries()) {
      for (let p = 1; p <= (counts[i] ?? 0); p++) {
        const expected = pdftotext(single, { page: p }).trim()
        expect(expected.length).toBeGreaterThan(20)
        expect(pdftotext(combined, { page }).trim(), `page ${page}`).toBe(expected)
        page++
      }
    }
  })

  it('refuses an unknown letter, in Chinese', async () => {
    const error = await h()
      ['letters.combinedPdf']({ ids: ['lt_000000000000000000000'] })
      .then(
        () => null,
        (e: unknown) => e,
      )
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('NOT_FOUND')
    expect((error as AppError).message).toMatch(/找不到该授权书/)
  })
})

describe('保存到文件夹: each letter’s PDF into a folder', () => {
  it('writes every PDF, byte for byte, and never overwrites a file already there', async () => {
    const dir = join(outside.dir, '授权书')
    mkdirSync(dir)
    const first = await h()['letters.saveToFolder']({ ids: letters.map((l) => l.id), dir })
    expect(first.files).toHaveLength(letters.length)
    expect(new Set(first.files).size).toBe(letters.length)
    for (const [i, name] of first.files.entries()) {
      const letter = letters[i]
      if (!letter) throw new Error('missing')
      expect(name).toMatch(/授权书_.+_\d{4}-\d{2}-\d{2}(_\d+)?\.pdf$/)
      expect(new Uint8Array(readFileSync(join(dir, name)))).toEqual(await bytesOf(letter))
    }
    // Again into the same folder: new names, the first files untouched, no temp files left.
    const before = first.files.map((f) => readFileSync(join(dir, f)))
    const again = await h()['letters.saveToFolder']({ ids: [letters[0]?.id ?? ''], dir })
    expect(first.files).not.toContain(again.files[0])
    expect(first.files.map((f) => readFileSync(join(dir, f)))).toEqual(before)
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([])
    expect(readdirSync(dir)).toHaveLength(letters.length + 1)
  })

  it.each([
    ['a relative path', '授权书', /完整的文件夹路径/],
    ['a folder that does not exist', '/没有这个/文件夹', /文件夹不存在/],
    ['a file, not a folder', 'FILE', /这不是文件夹/],
  ])('refuses %s in Chinese, writing nothing', async (_name, path, message) => {
    const file = join(outside.dir, 'a-file.txt')
    writeFileSync(file, 'x')
    const dir = path === 'FILE' ? file : path
    const error = await h()
      ['letters.saveToFolder']({ ids: [letters[0]?.id ?? ''], dir })
      .then(
        () => null,
        (e: unknown) => e,
      )
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).message).toMatch(message)
    expect(existsSync(join(outside.dir, '没有这个'))).toBe(false)
  })

  it('audits the reading of a person grantor’s letter, as for one letter', async () => {
    const before = (await auditRows(backend)).length
    await h()['letters.combinedPdf']({ ids: letters.map((l) => l.id) })
    const added = (await auditRows(backend)).slice(before)
    const relations = await h()['relations.list']({})
    const personLetters = letters.filter(
      (l) => relations.find((r) => r.id === l.relationId)?.from.kind === 'person',
    )
    expect(added.filter((r) => r.detail === 'letter pdf')).toHaveLength(personLetters.length)
  })
})
