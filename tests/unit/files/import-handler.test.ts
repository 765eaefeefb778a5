import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import { testBackend } from '../../helpers/backend'
import { colourImage } from '../../helpers/fixtures-files'

/**
 * documents.import (issue 14): the list thumbnail comes from the import's own decode (no second
 * decode when the list shows it), never for an ID scan; files side by side, as a batch drop
 * sends them, each stored once, two copies of one file giving one card and keeping the file.
 */
const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

const tempNames = (dir: string): string[] =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .filter((name) => /(^|\/)\.tmp-/.test(name))

describe('documents.import', () => {
  it('leaves the thumbnail of a company document in the cache, none of an ID scan', async () => {
    const t = testBackend()
    cleanups.push(t.cleanup)
    const h = t.backend.handlers
    const company = await h['companies.save']({ name: '青禾', region: 'domestic' })
    const person = await h['persons.save']({
      name: '张伟',
      idType: 'resident_id',
      idNumber: '11010519491231002X',
    })
    const licence = await colourImage(1600, 1200).jpeg().toBuffer()
    const doc = await h['documents.import']({
      ownerKind: 'company',
      ownerId: company.id,
      requirement: 'business_licence',
      fileName: '营业执照.jpg',
      dataBase64: licence.toString('base64'),
    })
    const sha = doc.file?.sha256 ?? ''
    const cached = join(t.dir, 'thumbnails', `${sha}.jpg`)
    expect(await sharp(cached).metadata()).toMatchObject({ format: 'jpeg', width: 320 })
    const thumb = await h['files.thumbnail']({ sha256: sha })
    expect(thumb.obscured).toBe(false)

    const idScan = await colourImage(856, 540).jpeg().toBuffer()
    const id = await h['documents.import']({
      ownerKind: 'person',
      ownerId: person.id,
      requirement: 'registrant_id_copy',
      fileName: '身份证.jpg',
      dataBase64: idScan.toString('base64'),
    })
    expect(existsSync(join(t.dir, 'thumbnails', `${id.file?.sha256 ?? ''}.jpg`))).toBe(false)
    expect(tempNames(join(t.dir, 'files'))).toEqual([])
  }, 60_000)

  it('imports side by side; two copies of one file: one card, the file kept', async () => {
    const t = testBackend()
    cleanups.push(t.cleanup)
    const h = t.backend.handlers
    const company = await h['companies.save']({ name: '青禾', region: 'domestic' })
    const same = await colourImage(1200, 900).png().toBuffer()
    const other = await colourImage(900, 1200).jpeg().toBuffer()
    const imports = [same, same, other, same].map((bytes, i) =>
      h['documents.import']({
        ownerKind: 'company',
        ownerId: company.id,
        requirement: 'industry_qualification',
        fileName: `scan-${i}`,
        dataBase64: bytes.toString('base64'),
      }).then(
        (doc) => doc.file?.sha256 ?? '',
        (error: unknown) => (error as { code?: string }).code ?? 'error',
      ),
    )
    const results = await Promise.all(imports)
    expect(results.filter((r) => r === 'CONFLICT')).toHaveLength(2)
    const docs = await h['documents.list']({ ownerKind: 'company', ownerId: company.id })
    expect(docs).toHaveLength(2)
    for (const doc of docs) {
      const view = await h['files.view']({ sha256: doc.file?.sha256 ?? '', page: 1 })
      expect(view.pages).toBe(1)
    }
    expect(tempNames(join(t.dir, 'files'))).toEqual([])
  }, 60_000)
})
