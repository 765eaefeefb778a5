import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Backend } from '../../../electron/services/backend'
import { AppError } from '../../../shared/errors'
import { suiteDemoBackend } from '../../helpers/backend'

let backend: Backend
let dir: string
let cleanup: () => Promise<void>
beforeAll(async () => {
  ;({ backend, dir, cleanup } = await suiteDemoBackend())
}, 60_000)
afterAll(() => cleanup())

async function personLetterText(): Promise<string> {
  const h = backend.handlers
  const relation = (await h['relations.list']({})).find((r) => r.from.name === '张伟')
  const letter = await h['letters.generate']({ relationId: relation?.id ?? '' })
  const file = join(dir, `${letter.id}.pdf`)
  writeFileSync(file, await backend.context.files.read(letter.pdfSha256))
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
}

describe('built-in wording edited as a copy', () => {
  it('prints the edited paragraph, refuses unknown placeholders, and restores the original', async () => {
    const h = backend.handlers
    const original = await h['letters.wording']({ name: 'person-to-company' })
    expect(original.edited).toBe(false)
    const paragraphs = [...original.paragraphs]
    paragraphs[paragraphs.length - 1] = '特此授权，{grantor.name}亲笔签字后生效。'
    const saved = await h['letters.saveWording']({ name: 'person-to-company', paragraphs })
    expect(saved.edited).toBe(true)
    expect(await personLetterText()).toContain('特此授权，张伟亲笔签字后生效。')

    const bad = [...paragraphs]
    bad[0] = '授权方{grantor.nickname}'
    const error = await h['letters.saveWording']({
      name: 'person-to-company',
      paragraphs: bad,
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).message).toContain('grantor.nickname')

    await h['letters.saveWording']({ name: 'person-to-company', paragraphs: null })
    const text = await personLetterText()
    expect(text).not.toContain('亲笔签字后生效')
    expect(text).toContain('特此授权。')
  })
})
