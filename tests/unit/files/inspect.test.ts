import { describe, expect, it } from 'vitest'
import { inspectFile } from '../../../electron/services/files/inspect'
import { PDF_RENDER_SCALE } from '../../../electron/services/files/limits'
import {
  colourImage,
  greyScanJpeg,
  multiPageTiff,
  pdfWithImages,
  pngBytes,
  rotatedJpeg,
  sealPageJpeg,
  solid,
} from '../../helpers/fixtures-files'

describe('inspectFile: accepted formats', () => {
  it('reads a JPEG', async () => {
    const bytes = await colourImage(320, 240).jpeg().toBuffer()
    expect(await inspectFile(bytes)).toEqual({
      format: 'jpeg',
      width: 320,
      height: 240,
      bytes: bytes.length,
      pages: 1,
      color: true,
    })
  })

  it('reads a PNG, a WebP, a TIFF and a GIF', async () => {
    const image = () => colourImage(64, 48)
    const cases = [
      ['png', await pngBytes(64, 48)],
      ['webp', await image().webp().toBuffer()],
      ['tiff', await image().tiff().toBuffer()],
      ['gif', await image().gif().toBuffer()],
    ] as const
    for (const [format, bytes] of cases) {
      expect(await inspectFile(bytes)).toMatchObject({ format, width: 64, height: 48, pages: 1 })
    }
  })

  it('counts the pages of a multi-page TIFF and finds colour on any page', async () => {
    const grey = { r: 128, g: 128, b: 128 }
    expect(await inspectFile(await multiPageTiff([grey, grey]))).toMatchObject({
      format: 'tiff',
      pages: 2,
      color: false,
    })
    expect(
      await inspectFile(await multiPageTiff([grey, grey, { r: 200, g: 20, b: 20 }])),
    ).toMatchObject({ pages: 3, color: true })
  })

  it('takes the format from the bytes, not the name', async () => {
    const png = await pngBytes()
    expect(await inspectFile(png, { fileName: '营业执照.jpg' })).toMatchObject({ format: 'png' })
  })

  it('applies EXIF orientation 6 before reporting the size', async () => {
    expect(await inspectFile(await rotatedJpeg())).toMatchObject({ width: 200, height: 300 })
  })

  it('reads a 3-page PDF with a grey scan, a colour photo and CJK text', async () => {
    const bytes = await pdfWithImages(
      [await greyScanJpeg(400, 550), await colourImage(300, 200).jpeg().toBuffer()],
      { cjkText: '营业执照' },
    )
    // A4 (595 × 842 pt) at PDF_RENDER_SCALE.
    expect(await inspectFile(bytes)).toEqual({
      format: 'pdf',
      width: Math.round(595 * PDF_RENDER_SCALE),
      height: Math.round(842 * PDF_RENDER_SCALE),
      bytes: bytes.length,
      pages: 3,
      color: true,
    })
  })
})

describe('inspectFile: colour or greyscale', () => {
  it('a greyscale scan saved as an RGB JPEG (grain, sensor noise) is not colour', async () => {
    const bytes = await greyScanJpeg()
    expect((await sharpChannels(bytes)) >= 3).toBe(true)
    expect(await inspectFile(bytes)).toMatchObject({ format: 'jpeg', color: false })
  })

  it('a white page with one small red seal is colour', async () => {
    expect(await inspectFile(await sealPageJpeg())).toMatchObject({ color: true })
  })

  it('a true single-channel greyscale PNG is not colour', async () => {
    const bytes = await solid(50, 50, { r: 90, g: 90, b: 90 }).greyscale().png().toBuffer()
    expect(await inspectFile(bytes)).toMatchObject({ format: 'png', color: false })
  })

  it('a PDF of grey scans only is not colour; one seal page makes it colour', async () => {
    const grey = await greyScanJpeg(400, 550)
    expect(await inspectFile(await pdfWithImages([grey, grey]))).toMatchObject({
      pages: 2,
      color: false,
    })
    expect(await inspectFile(await pdfWithImages([grey, await sealPageJpeg()]))).toMatchObject({
      pages: 2,
      color: true,
    })
  })
})

async function sharpChannels(bytes: Buffer): Promise<number> {
  const { default: sharp } = await import('sharp')
  return (await sharp(bytes).metadata()).channels
}
