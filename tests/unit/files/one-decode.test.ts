import { readdirSync } from 'node:fs'
import sharp from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import { ContentStore } from '../../../electron/services/files/content-store'
import { importFile } from '../../../electron/services/files/import'
import { inspectForImport } from '../../../electron/services/files/inspect'
import { THUMBNAIL_MAX_PX } from '../../../electron/services/files/limits'
import { makeThumbnail } from '../../../electron/services/files/thumbnail'
import { localFileStore } from '../../../electron/services/storage/file-store'
import { fakeScan, scansToPdf } from '../../../electron/services/demo/scans'
import { refusalOf } from '../../helpers/app-error'
import { noisyPhoto } from '../images/fixtures'
import {
  colourImage,
  greyScanJpeg,
  pdfWithImages,
  pngBomb,
  rotatedJpeg,
  sealPageJpeg,
} from '../../helpers/fixtures-files'
import { tempDir } from '../../helpers/temp'

/**
 * Issue 14: the import decodes each file once — JPEGs shrunk on load (libvips scales the DCT by
 * up to 1/8) — and takes the facts, the colour and the list thumbnail from that one decode. The
 * decode still reads every byte, so a damaged file is refused as before and nothing is stored.
 */
const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

function newStore(): { store: ContentStore; stored: () => string[] } {
  const { dir, cleanup } = tempDir()
  cleanups.push(cleanup)
  const store = new ContentStore(`${dir}/files`)
  const stored = (): string[] => {
    try {
      return readdirSync(store.root, { recursive: true }).map(String)
    } catch {
      return []
    }
  }
  return { store, stored }
}

let photoMade: Promise<Buffer> | undefined

/** A 12 MP noisy photo, as a phone takes: large enough for the 1/8 shrink-on-load. Made once. */
function phonePhoto(): Promise<Buffer> {
  photoMade ??= makePhonePhoto()
  return photoMade
}

function makePhonePhoto(): Promise<Buffer> {
  return noisyPhoto({ sigma: 30, quality: 85 })
}

async function threePageScanPdf(): Promise<Buffer> {
  return scansToPdf([
    await fakeScan('商标注册证', ['第 1 页']),
    await fakeScan('核定使用商品', ['第 2 页']),
    await fakeScan('附页', ['第 3 页']),
  ])
}

/** Mean absolute difference of two same-sized images, 0–255. */
async function meanDifference(a: Buffer, b: Buffer): Promise<number> {
  const one = await sharp(a).removeAlpha().raw().toBuffer({ resolveWithObject: true })
  const two = await sharp(b)
    .removeAlpha()
    .resize(one.info.width, one.info.height, { fit: 'fill' })
    .raw()
    .toBuffer()
  let sum = 0
  for (let i = 0; i < one.data.length; i++) sum += Math.abs((one.data[i] ?? 0) - (two[i] ?? 0))
  return sum / one.data.length
}

describe('one decode per imported file', () => {
  it('a 12 MP photo: right facts and a thumbnail like the viewer’s own', async () => {
    const photo = await phonePhoto()
    const { facts, thumbnail } = await inspectForImport(photo)
    expect(facts).toMatchObject({ format: 'jpeg', width: 4000, height: 3000, pages: 1 })
    expect(facts.bytes).toBe(photo.length)
    const meta = await sharp(thumbnail).metadata()
    expect(meta).toMatchObject({ format: 'jpeg', width: THUMBNAIL_MAX_PX, height: 240 })
    expect(meta.exif).toBeUndefined()
    const own = await makeThumbnail(photo, facts)
    expect(await meanDifference(own, thumbnail)).toBeLessThan(6)
  }, 30_000)

  it('applies the EXIF orientation to the thumbnail; judges colour on a page shrunk on load', async () => {
    const rotated = await inspectForImport(await rotatedJpeg())
    expect(rotated.facts).toMatchObject({ width: 200, height: 300 })
    expect(await sharp(rotated.thumbnail).metadata()).toMatchObject({ width: 200, height: 300 })
    // A4 at 300 dpi: decoded at 1/4 or 1/8, the small seal is still seen.
    expect((await inspectForImport(await sealPageJpeg(2480, 3508))).facts.color).toBe(true)
    expect((await inspectForImport(await greyScanJpeg(2400, 3300))).facts.color).toBe(false)
  }, 30_000)

  it('a PDF: the first page’s thumbnail, the size of the viewer’s', async () => {
    const pdf = await threePageScanPdf()
    const { facts, thumbnail } = await inspectForImport(pdf)
    expect(facts).toMatchObject({ format: 'pdf', pages: 3, color: true })
    const own = await makeThumbnail(pdf, facts)
    const [mine, theirs] = [await sharp(thumbnail).metadata(), await sharp(own).metadata()]
    // Cut from the 1024 px colour rendering, not a 640 px one: rounding may differ by a pixel.
    expect(mine.height).toBe(theirs.height)
    expect(Math.abs(mine.width - theirs.width)).toBeLessThanOrEqual(1)
    expect(await meanDifference(own, thumbnail)).toBeLessThan(6)
    const grey = await pdfWithImages([await greyScanJpeg(600, 800)])
    expect((await inspectForImport(grey)).facts.color).toBe(false)
  }, 30_000)
})

describe('the one decode still refuses damaged files, storing nothing', () => {
  const cases: { name: string; bytes: () => Promise<Buffer>; reason: RegExp }[] = [
    ...[0.3, 0.7, 0.95, 0.999].map((fraction) => ({
      name: `a 12 MP JPEG cut at ${fraction * 100} %`,
      bytes: async () => {
        const photo = await phonePhoto()
        return photo.subarray(0, Math.floor(photo.length * fraction))
      },
      reason: /损坏或不完整.*JPG/,
    })),
    {
      name: 'a truncated PNG',
      bytes: async () => {
        const png = await colourImage(1600, 1200).png().toBuffer()
        return png.subarray(0, Math.floor(png.length * 0.8))
      },
      reason: /损坏或不完整.*PNG/,
    },
    ...[0.5, 0.9].map((fraction) => ({
      name: `a three-page scan PDF cut at ${fraction * 100} %`,
      bytes: async () => {
        const pdf = await threePageScanPdf()
        return pdf.subarray(0, Math.floor(pdf.length * fraction))
      },
      reason: /损坏或不完整.*PDF/,
    })),
    {
      name: 'a 30000×30000 PNG bomb',
      bytes: () => Promise.resolve(pngBomb()),
      reason: /图片尺寸过大：30000×30000/,
    },
  ]
  for (const c of cases) {
    it(
      c.name,
      async () => {
        const { store, stored } = newStore()
        const error = await refusalOf(importFile(localFileStore(store), await c.bytes()))
        expect(error.code).toBe('FILE_REJECTED')
        expect(error.message).toMatch(c.reason)
        expect(stored()).toEqual([])
      },
      30_000,
    )
  }
})
