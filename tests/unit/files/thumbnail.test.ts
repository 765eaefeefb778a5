import sharp, { type Metadata } from 'sharp'
import { describe, expect, it } from 'vitest'
import { inspectFile } from '../../../electron/services/files/inspect'
import { THUMBNAIL_MAX_PX } from '../../../electron/services/files/limits'
import { makeThumbnail } from '../../../electron/services/files/thumbnail'
import { colourImage, greyScanJpeg, pdfWithImages, rotatedJpeg } from '../../helpers/fixtures-files'

async function thumbOf(bytes: Buffer): Promise<Metadata> {
  const thumb = await makeThumbnail(bytes, await inspectFile(bytes))
  return sharp(thumb).metadata()
}

describe('makeThumbnail', () => {
  it('is a JPEG whose long side is at most 320 px', async () => {
    const bytes = await colourImage(1600, 900).png().toBuffer()
    expect(await thumbOf(bytes)).toMatchObject({
      format: 'jpeg',
      width: THUMBNAIL_MAX_PX,
      height: 180,
    })
  })

  it('applies EXIF orientation and keeps no metadata', async () => {
    const meta = await thumbOf(await rotatedJpeg())
    expect(meta).toMatchObject({ format: 'jpeg', width: 200, height: 300 })
    expect(meta.exif).toBeUndefined()
    expect(meta.orientation).toBeUndefined()
    expect(meta.icc).toBeUndefined()
  })

  it('shows the first page of a PDF', async () => {
    const bytes = await pdfWithImages([await greyScanJpeg(300, 400), await greyScanJpeg(300, 400)])
    expect(await thumbOf(bytes)).toMatchObject({ format: 'jpeg', width: 226, height: 320 })
  })

  it('can be asked for a larger preview', async () => {
    const bytes = await colourImage(1600, 900).jpeg().toBuffer()
    const meta = await sharp(await makeThumbnail(bytes, { format: 'jpeg' }, 800)).metadata()
    expect([meta.width, meta.height]).toEqual([800, 450])
  })
})
