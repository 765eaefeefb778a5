import sharp from 'sharp'
import { sharpHasColour } from './colour'
import type { FileFacts } from './facts'
import { PDF_COLOUR_LONG_SIDE_PX, PDF_RENDER_SCALE } from './limits'
import { MAX_IMPORT_PAGES } from '../../../shared/limits'
import { pageSize, renderPage, scaleForLongSide, withPdfDocument } from './pdf'

/**
 * Facts of a PDF: page count, the first page's size at PDF_RENDER_SCALE, and
 * colour when any page is colour. Every page is rendered (at a cheaper scale)
 * so a page that cannot be drawn is found now, not at export.
 */
export async function inspectPdf(
  bytes: Buffer,
  options: { timeLimitMs?: number } = {},
): Promise<FileFacts> {
  const limits =
    options.timeLimitMs === undefined
      ? { maxPages: MAX_IMPORT_PAGES }
      : { maxPages: MAX_IMPORT_PAGES, timeLimitMs: options.timeLimitMs }
  return withPdfDocument(bytes, limits, async (doc) => {
    let first: { width: number; height: number } | undefined
    let color = false
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number)
      // Refuses now a page the export could not rasterise at its scale.
      const size = pageSize(page, PDF_RENDER_SCALE)
      first ??= size
      const canvas = await renderPage(page, scaleForLongSide(page, PDF_COLOUR_LONG_SIDE_PX))
      if (!color) {
        const rgba = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data
        const raw = { width: canvas.width, height: canvas.height, channels: 4 } as const
        color = await sharpHasColour(
          sharp(Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength), { raw }),
        )
      }
    }
    return {
      format: 'pdf',
      width: first?.width ?? 0,
      height: first?.height ?? 0,
      bytes: bytes.length,
      pages: doc.numPages,
      color,
    }
  })
}
