import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { fitDocument } from '../../../electron/services/export/fit-document'
import type { StoredDocument } from '../../../electron/services/export/select'
import { multiPageTiff } from '../../helpers/fixtures-files'

/**
 * A multi-page TIFF exports one compliant page per stored page, in order; each page is
 * extracted by the worker that fits it (the export's process never decodes the stored scan).
 */
describe('exporting a multi-page TIFF', () => {
  it('gives each page, in order, each within the upload rules', async () => {
    const colours = [
      { r: 220, g: 30, b: 30 },
      { r: 30, g: 200, b: 30 },
      { r: 30, g: 30, b: 220 },
    ]
    const tiff = await multiPageTiff(colours)
    const document = { file: { format: 'tiff', pages: 3 } } as unknown as StoredDocument
    const pages = []
    for await (const page of fitDocument(tiff, document, {
      requirement: 'business_licence',
      avatarFit: 'pad',
      watermark: false,
    })) {
      pages.push(page)
    }
    expect(pages.map((p) => [p.index, p.count])).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
    ])
    for (const [i, page] of pages.entries()) {
      expect(page.result.bytes).toBeLessThanOrEqual(1_000_000)
      const { channels } = await sharp(page.result.data).stats()
      const mean = channels.slice(0, 3).map((c) => Math.round(c.mean))
      const want = colours[i] ?? { r: 0, g: 0, b: 0 }
      // The page's own colour (JPEG may move a flat colour by a few levels).
      expect(Math.abs((mean[0] ?? 0) - want.r)).toBeLessThan(12)
      expect(Math.abs((mean[1] ?? 0) - want.g)).toBeLessThan(12)
      expect(Math.abs((mean[2] ?? 0) - want.b)).toBeLessThan(12)
    }
  }, 60_000)
})
