import { existsSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatch } from '../../../electron/services/dispatch'
import { auditRows, rowCount, suiteBackend } from '../../helpers/backend'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

async function library() {
  const t = await suiteBackend()
  cleanups.push(t.cleanup)
  const h = t.backend.handlers
  const person = await h['persons.save']({
    name: '张伟',
    idType: 'resident_id',
    idNumber: '11010519491231002X',
  })
  const scan = async (colour: string) =>
    (
      await sharp({ create: { width: 60, height: 40, channels: 3, background: colour } })
        .jpeg()
        .toBuffer()
    ).toString('base64')
  const idCopy = await h['documents.import']({
    ownerKind: 'person',
    ownerId: person.id,
    requirement: 'registrant_id_copy',
    fileName: '身份证.jpg',
    dataBase64: await scan('#c33'),
  })
  await h['files.thumbnail']({ sha256: idCopy.file?.sha256 ?? '' })
  return { ...t, h, person, idCopy, scan }
}

describe('彻底删除 and 清空回收站', () => {
  it('a deleted ID scan is erased: row, stored file and thumbnail, audited without the number', async () => {
    const { backend, dir, h, idCopy } = await library()
    const sha = idCopy.file?.sha256 ?? ''
    const thumb = join(dir, 'thumbnails', `${sha}.obscured.jpg`)
    expect(existsSync(thumb)).toBe(true)
    await h['library.delete']({ kind: 'document', id: idCopy.id })
    // In the bin, the file is still there (it can be restored).
    expect(await backend.context.files.has(sha)).toBe(true)
    const result = await dispatch(h, 'recycle.purge', { kind: 'document', id: idCopy.id })
    expect(result).toEqual({ ok: true, value: { purged: 1 } })
    expect(await backend.context.files.has(sha)).toBe(false)
    expect(existsSync(thumb)).toBe(false)
    expect(await rowCount(backend, 'files')).toBe(0)
    expect(await h['recycle.list']({})).toEqual([])
    const audit = (await auditRows(backend))
      .filter((r) => r.action === 'purge')
      .map(({ entity_kind, detail }) => ({ entity_kind, detail }))
    expect(audit).toEqual([{ entity_kind: 'document', detail: '1 file(s)' }])
    expect(JSON.stringify(await auditRows(backend))).not.toContain('11010519491231002X')
  })

  it('a file another document still uses is kept; only a row in the bin can be purged', async () => {
    const { backend, h, idCopy } = await library()
    // The same bytes on another record (on the same record they are refused as a duplicate).
    const company = await h['companies.save']({ name: '青禾', region: 'domestic' })
    const again = await h['documents.import']({
      ownerKind: 'company',
      ownerId: company.id,
      requirement: 'industry_qualification',
      fileName: '再次.jpg',
      dataBase64: (await backend.context.files.read(idCopy.file?.sha256 ?? '')).toString('base64'),
    })
    expect(again.file?.sha256).toBe(idCopy.file?.sha256)
    const live = await dispatch(h, 'recycle.purge', { kind: 'document', id: idCopy.id })
    expect(live).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    await h['library.delete']({ kind: 'document', id: idCopy.id })
    await h['recycle.purge']({ kind: 'document', id: idCopy.id })
    expect(await backend.context.files.has(idCopy.file?.sha256 ?? '')).toBe(true)
  })

  it('清空回收站 erases a deleted person with its deleted scans, in dependency order', async () => {
    const { backend, h, person, idCopy } = await library()
    await h['library.delete']({ kind: 'document', id: idCopy.id })
    await h['library.delete']({ kind: 'person', id: person.id })
    expect((await h['recycle.list']({})).length).toBe(2)
    expect(await h['recycle.empty']({})).toEqual({ purged: 2, kept: 0 })
    expect(await h['recycle.list']({})).toEqual([])
    expect(await rowCount(backend, 'persons')).toBe(0)
    expect(await backend.context.files.has(idCopy.file?.sha256 ?? '')).toBe(false)
  })
})
