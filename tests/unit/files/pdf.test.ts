import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { PDF_RENDER_SCALE } from '../../../electron/services/files/limits'
import { hasEncryptEntry, renderPdfPages } from '../../../electron/services/files/pdf'
import { colourImage, greyScanJpeg, pdfWithImages } from '../../helpers/fixtures-files'

/** Share of pixels darker than mid-grey in a region of a PNG. */
async function inkShare(
  png: Buffer,
  region: { left: number; top: number; width: number; height: number },
): Promise<number> {
  const { data } = await sharp(png)
    .extract(region)
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true })
  let dark = 0
  for (const value of data) if (value < 128) dark++
  return dark / data.length
}

describe('renderPdfPages', () => {
  it('rasterises every page at PDF_RENDER_SCALE, CJK text included', async () => {
    const bytes = await pdfWithImages(
      [await greyScanJpeg(300, 400), await colourImage(300, 200).jpeg().toBuffer()],
      { cjkText: '营业执照 统一社会信用代码' },
    )
    const pages = await renderPdfPages(bytes)
    expect(pages.map((p) => [p.width, p.height])).toEqual(
      Array(3).fill([Math.round(595 * PDF_RENDER_SCALE), Math.round(842 * PDF_RENDER_SCALE)]),
    )
    for (const page of pages) {
      expect((await sharp(page.png).metadata()).format).toBe('png')
    }
    // The text line (36 pt at y = 700 pt from the bottom) is drawn: glyphs, not blanks.
    const textBand = { left: 100, top: Math.round(100 * PDF_RENDER_SCALE), width: 900, height: 90 }
    const third = pages[2]
    if (!third) throw new Error('no third page')
    expect(await inkShare(third.png, textBand)).toBeGreaterThan(0.03)
    // Below the text the page is white.
    expect(await inkShare(third.png, { ...textBand, top: 900 })).toBe(0)
  })

  it('renders a chosen range and a given scale', async () => {
    const grey = await greyScanJpeg(200, 260)
    const bytes = await pdfWithImages([grey, grey, grey])
    const pages = await renderPdfPages(bytes, { scale: 1, firstPage: 2, maxPages: 1 })
    expect(pages.map((p) => [p.width, p.height])).toEqual([[595, 842]])
    expect(await renderPdfPages(bytes, { firstPage: 4 })).toEqual([])
  })

  it('finds the /Encrypt entry of an encrypted PDF only', async () => {
    const grey = await greyScanJpeg(100, 130)
    expect(hasEncryptEntry(await pdfWithImages([grey]))).toBe(false)
    expect(hasEncryptEntry(await pdfWithImages([grey], { encrypt: { ownerPassword: 'o' } }))).toBe(
      true,
    )
    await expect(
      renderPdfPages(await pdfWithImages([grey], { encrypt: { ownerPassword: 'o' } })),
    ).rejects.toMatchObject({ code: 'FILE_REJECTED' })
  })
})
