import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Backend } from '../../../electron/services/backend'
import { dispatch } from '../../../electron/services/dispatch'
import { utf8Bytes } from '../../../electron/services/export/byte-budget'
import { packetFolderName } from '../../../electron/services/export/layout'
import { MAX_NAME_BYTES } from '../../../electron/services/export/safe-names'
import { testBackend } from '../../helpers/backend'

/** Hostile or broken input gets a Chinese refusal naming the field, and changes nothing. */
let backend: Backend
let cleanup: () => void
beforeAll(() => ({ backend, cleanup } = testBackend()))
afterAll(() => cleanup())

const call = (method: string, input: unknown) => dispatch(backend.handlers, method, input)
const count = (table: string) =>
  (backend.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n

describe('text fields', () => {
  it('NUL and other control characters are refused naming the field', async () => {
    for (const name of ['\u0000', '青禾\u0000公司', 'a\u001bb']) {
      const result = await call('companies.save', { name, region: 'domestic' })
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'INVALID_ARGUMENT', field: 'name' },
      })
      expect(result.ok ? '' : result.error.message).toContain('控制字符')
    }
    expect(count('companies')).toBe(0)
  })

  it('lone surrogate halves are refused; a real emoji and line breaks in notes are fine', async () => {
    const lone = await call('persons.save', { name: '张\ud800伟' })
    expect(lone).toMatchObject({ ok: false, error: { field: 'name' } })
    const fine = await call('companies.save', {
      name: '青禾🌿',
      region: 'domestic',
      notes: '第一行\n第二行\t制表',
    })
    expect(fine.ok).toBe(true)
  })

  it('messages are plain Chinese, and an unexpected key is reported as that key', async () => {
    const missing = await call('companies.save', { region: 'domestic' })
    expect(missing).toMatchObject({
      ok: false,
      error: { field: 'name', message: '参数无效：字段 name：必填，不能缺少' },
    })
    const extra = await call('companies.save', { name: '甲', region: 'domestic', bogus: 1 })
    expect(extra).toMatchObject({ ok: false, error: { field: 'bogus' } })
    const wrongType = await call('companies.save', { name: 5, region: 'domestic' })
    expect(wrongType).toMatchObject({ error: { message: '参数无效：字段 name：应为文字' } })
  })
})

describe('file payloads', () => {
  it('invalid base64 is an error, not an empty file', async () => {
    const company = await backend.handlers['companies.save']({ name: '乙', region: 'domestic' })
    for (const dataBase64 of ['!!!!', 'abc', 'ab=c']) {
      const result = await call('documents.import', {
        ownerKind: 'company',
        ownerId: company.id,
        requirement: 'industry_qualification',
        fileName: 'x.jpg',
        dataBase64,
      })
      expect(result).toMatchObject({ ok: false, error: { field: 'dataBase64' } })
    }
    expect(count('files')).toBe(0)
  })

  it('a purpose that does not fit the owner is refused', async () => {
    const company = await backend.handlers['companies.save']({ name: '丙', region: 'domestic' })
    const jpeg = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#c33' } })
      .jpeg()
      .toBuffer()
    const result = await call('documents.import', {
      ownerKind: 'company',
      ownerId: company.id,
      requirement: 'registrant_id_copy',
      fileName: 'x.jpg',
      dataBase64: jpeg.toString('base64'),
    })
    expect(result).toMatchObject({ ok: false, error: { field: 'requirement' } })
    expect(count('files')).toBe(0)
  })
})

describe('industry catalog edits are bounded', () => {
  const entry = {
    primary: '测试',
    secondary: '测试',
    documents: [{ name: '营业执照', required: true }],
    scopeKeywords: ['测试'],
    confidence: 'user',
  }
  it('a 10 MB name or 200,000 keywords are refused, naming the field; a normal entry is saved', async () => {
    const audited = count('audit_log')
    const huge = await call('industries.save', { ...entry, primary: '名'.repeat(10_000_000) })
    expect(huge).toMatchObject({ ok: false, error: { field: 'primary' } })
    const many = await call('industries.save', {
      ...entry,
      scopeKeywords: Array.from({ length: 200_000 }, (_, i) => `词${i}`),
    })
    expect(many).toMatchObject({ ok: false, error: { field: 'scopeKeywords' } })
    expect(count('audit_log')).toBe(audited)
    expect((await call('industries.save', entry)).ok).toBe(true)
  })
})

describe('export folder names', () => {
  it('a draft of a very long account name keeps its 草稿 label and date', () => {
    const name = packetFolderName('超长账号名'.repeat(60), '2026-11-30', true)
    expect(name.endsWith('_资质包_草稿_2026-11-30')).toBe(true)
    expect(utf8Bytes(name)).toBeLessThanOrEqual(MAX_NAME_BYTES)
  })
})
