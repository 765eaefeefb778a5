import { existsSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import { makeThumbnail } from '../../../electron/services/files/thumbnail'
import { testBackend } from '../../helpers/backend'

/**
 * Every way to see a full ID number is audited (hardening item 12). A list shows thumbnails of
 * ID scans without auditing each one, so those thumbnails are blurred past reading; opening the
 * scan shows it sharp and is audited as a reveal for its person.
 */
const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

/** A card-sized scan with an 18-digit number in large black type. */
async function idCardScan(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="856" height="540">
    <rect width="856" height="540" fill="#f4efe4"/>
    <text x="40" y="420" font-family="monospace" font-size="64" fill="#000">11010519491231002X</text>
  </svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 92 }).toBuffer()
}

/** Edge energy: the standard deviation of a Laplacian — what legible strokes are made of. */
async function sharpness(jpeg: Buffer): Promise<number> {
  const edges = await sharp(jpeg)
    .greyscale()
    .convolve({ width: 3, height: 3, kernel: [0, 1, 0, 1, -4, 1, 0, 1, 0], offset: 128 })
    .png()
    .toBuffer()
  // stats() reads its input, not the pipeline's result: measure the edges image itself.
  const stats = await sharp(edges).stats()
  return stats.channels[0]?.stdev ?? 0
}

const dataUrlBytes = (url: string): Buffer => Buffer.from(url.split(',')[1] ?? '', 'base64')

describe('ID scans in lists and in the viewer', () => {
  it('the thumbnail of an ID scan is blurred, is not audited, and says so', async () => {
    const t = testBackend()
    cleanups.push(t.cleanup)
    const h = t.backend.handlers
    const person = await h['persons.save']({
      name: '张伟',
      idType: 'resident_id',
      idNumber: '11010519491231002X',
    })
    const scan = await idCardScan()
    const doc = await h['documents.import']({
      ownerKind: 'person',
      ownerId: person.id,
      requirement: 'registrant_id_copy',
      fileName: '身份证.jpg',
      dataBase64: scan.toString('base64'),
    })
    const sha = doc.file?.sha256 ?? ''
    const thumb = await h['files.thumbnail']({ sha256: sha })
    expect(thumb.obscured).toBe(true)
    const plain = await makeThumbnail(scan, { format: 'jpeg' })
    const blurred = dataUrlBytes(thumb.dataUrl)
    // Same size, a fraction of the strokes' edge energy.
    expect((await sharp(blurred).metadata()).width).toBe((await sharp(plain).metadata()).width)
    expect(await sharpness(blurred)).toBeLessThan((await sharpness(plain)) * 0.25)
    expect(existsSync(join(t.dir, 'thumbnails', `${sha}.obscured.jpg`))).toBe(true)
    expect(existsSync(join(t.dir, 'thumbnails', `${sha}.jpg`))).toBe(false)

    const reveals = () =>
      t.backend.db
        .prepare("SELECT entity_id, detail FROM audit_log WHERE action = 'reveal_id_number'")
        .all()
    expect(reveals()).toEqual([])
    const viewed = await h['files.view']({ sha256: sha, page: 1 })
    expect(await sharpness(dataUrlBytes(viewed.dataUrl))).toBeGreaterThan(await sharpness(blurred))
    expect(reveals()).toEqual([{ entity_id: person.id, detail: 'scan viewed' }])
  })

  it('other documents keep a sharp thumbnail', async () => {
    const t = testBackend()
    cleanups.push(t.cleanup)
    const h = t.backend.handlers
    const company = await h['companies.save']({ name: '青禾', region: 'domestic' })
    const doc = await h['documents.import']({
      ownerKind: 'company',
      ownerId: company.id,
      requirement: 'business_licence',
      fileName: '营业执照.jpg',
      dataBase64: (await idCardScan()).toString('base64'),
    })
    const thumb = await h['files.thumbnail']({ sha256: doc.file?.sha256 ?? '' })
    expect(thumb.obscured).toBe(false)
  })
})
