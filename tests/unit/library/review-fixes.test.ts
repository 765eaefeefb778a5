import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Backend } from '../../../electron/services/backend'
import { dispatch } from '../../../electron/services/dispatch'
import { suiteBackend } from '../../helpers/backend'

let backend: Backend
let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => {
  const t = await suiteBackend()
  backend = t.backend
  dir = t.dir
  cleanup = t.cleanup
})
afterEach(() => cleanup())

function storedFiles(): string[] {
  const root = join(dir, 'files')
  if (!existsSync(root)) return []
  return readdirSync(root, { recursive: true })
    .map(String)
    .filter((f) => /[0-9a-f]{64}$/.test(f))
}

describe('restore and import integrity', () => {
  it('refuses restoring a trademark whose registrant is still in the recycle bin', async () => {
    const h = backend.handlers
    const c = await h['companies.save']({ name: '山岚', region: 'domestic' })
    const t = await h['trademarks.save']({
      text: '山岚',
      regNo: '1',
      registrant: { kind: 'company', id: c.id },
      status: 'registered',
    })
    await h['library.delete']({ kind: 'trademark', id: t.id })
    await h['library.delete']({ kind: 'company', id: c.id })
    const refused = await dispatch(h, 'recycle.restore', { kind: 'trademark', id: t.id })
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(!refused.ok && refused.error.message).toContain('山岚')
    await h['recycle.restore']({ kind: 'company', id: c.id })
    await h['recycle.restore']({ kind: 'trademark', id: t.id })
    expect(await h['trademarks.list']({})).toHaveLength(1)
  })

  it('refuses an import onto a missing or deleted owner and stores no file', async () => {
    const h = backend.handlers
    const c = await h['companies.save']({ name: '青禾', region: 'domestic' })
    await h['library.delete']({ kind: 'company', id: c.id })
    const jpeg = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#123' } })
      .jpeg()
      .toBuffer()
    const result = await dispatch(h, 'documents.import', {
      ownerKind: 'company',
      ownerId: c.id,
      requirement: 'industry_qualification',
      fileName: 'a.jpg',
      dataBase64: jpeg.toString('base64'),
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(storedFiles()).toEqual([])
  })

  it('a document’s valid-until can be set and cleared, and documents can be deleted', async () => {
    const h = backend.handlers
    const c = await h['companies.save']({ name: '青禾', region: 'domestic' })
    const jpeg = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#c33' } })
      .jpeg()
      .toBuffer()
    const doc = await h['documents.import']({
      ownerKind: 'company',
      ownerId: c.id,
      requirement: 'industry_qualification',
      fileName: 'a.jpg',
      dataBase64: jpeg.toString('base64'),
      issuedOn: '2026-01-01',
    })
    expect((await h['documents.update']({ id: doc.id, validUntil: '2027-01-01' })).validUntil).toBe(
      '2027-01-01',
    )
    expect((await h['documents.update']({ id: doc.id, issuedOn: null })).issuedOn).toBeNull()
    await h['library.delete']({ kind: 'document', id: doc.id })
    await h['library.delete']({ kind: 'company', id: c.id })
    expect(await h['companies.list']({})).toEqual([])
  })

  it('the same bytes on two records keep each document’s own name; on the same record they are refused', async () => {
    const h = backend.handlers
    const c = await h['companies.save']({ name: '青禾', region: 'domestic' })
    const d = await h['companies.save']({ name: '山岚', region: 'domestic' })
    const jpeg = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#c33' } })
      .jpeg()
      .toBuffer()
    const base = {
      ownerKind: 'company' as const,
      requirement: 'industry_qualification',
      dataBase64: jpeg.toString('base64'),
    }
    const first = await h['documents.import']({
      ...base,
      ownerId: c.id,
      fileName: '张伟-11010519491231002X.jpg',
    })
    const second = await h['documents.import']({ ...base, ownerId: d.id, fileName: '营业执照.jpg' })
    expect(first.file?.sha256).toBe(second.file?.sha256)
    expect(second.file?.originalName).toBe('营业执照.jpg')

    // Issue 13 item 6: again onto the same record (under any name or purpose) says so, adds nothing.
    const again = await dispatch(h, 'documents.import', {
      ...base,
      ownerId: c.id,
      requirement: 'business_licence',
      fileName: '又一次.jpg',
    })
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(again.ok ? '' : again.error.message).toMatch(/已经导入在这条记录上/)
    expect(await h['documents.list']({ ownerKind: 'company', ownerId: c.id })).toHaveLength(1)
    // In the recycle bin it no longer counts: importing it again brings a new card.
    await h['library.delete']({ kind: 'document', id: first.id })
    await h['documents.import']({ ...base, ownerId: c.id, fileName: '重新导入.jpg' })
    expect(await h['documents.list']({ ownerKind: 'company', ownerId: c.id })).toHaveLength(1)
  })
})
