import sharp from 'sharp'
import { colourSample, pixelsHaveColour } from './colour'
import { PDF_COLOUR_LONG_SIDE_PX, PDF_RENDER_SCALE } from './limits'
import {
  IMPORT_RENDER_BUDGET_MS,
  MAX_IMPORT_PAGES,
  MAX_IMPORT_TOTAL_PIXELS,
} from '../../../shared/limits'
import { MESSAGES } from './messages'
import { refuse } from './refuse'
import { pageSize, renderPage, scaleForLongSide, withPdfDocument } from './pdf'
import type { Inspected } from './raster'
import { thumbnailFromSample } from './thumbnail'

/**
 * Facts of a PDF: page count, the first page's size at PDF_RENDER_SCALE, and
 * colour when any page is colour. Every page is rendered (at a cheaper scale)
 * so a page that cannot be drawn is found now, not at export; the first page's rendering also
 * gives the thumbnail.
 *
 * The export's cost is estimated before drawing anything: the pages' pixels at the export's
 * scale, summed from their sizes alone (MAX_IMPORT_TOTAL_PIXELS). Drawing cost cannot be read
 * from the header, so the drawing itself is timed: past IMPORT_RENDER_BUDGET_MS the file is
 * refused between pages rather than accepted and left to stall every export (hardening issue,
 * items 1 and 7).
 */
export async function inspectPdf(
  bytes: Buffer,
  options: { timeLimitMs?: number; renderBudgetMs?: number } = {},
): Promise<Inspected> {
  const limits =
    options.timeLimitMs === undefined
      ? { maxPages: MAX_IMPORT_PAGES }
      : { maxPages: MAX_IMPORT_PAGES, timeLimitMs: options.timeLimitMs }
  const budgetMs = options.renderBudgetMs ?? IMPORT_RENDER_BUDGET_MS
  return withPdfDocument(bytes, limits, async (doc) => {
    let first: { width: number; height: number } | undefined
    let totalPixels = 0
    for (let number = 1; number <= doc.numPages; number++) {
      // Refuses now a page the export could not rasterise at its scale.
      const size = pageSize(await doc.getPage(number), PDF_RENDER_SCALE)
      first ??= size
      totalPixels += size.width * size.height
    }
    if (totalPixels > MAX_IMPORT_TOTAL_PIXELS) {
      throw refuse(MESSAGES.tooManyTotalPixels('PDF', doc.numPages, totalPixels))
    }
    const started = Date.now()
    let color = false
    let thumbnail: Buffer | undefined
    for (let number = 1; number <= doc.numPages; number++) {
      const elapsed = Date.now() - started
      if (elapsed > budgetMs) throw refuse(MESSAGES.pdfTooSlow(elapsed, number - 1, doc.numPages))
      const page = await doc.getPage(number)
      const canvas = await renderPage(page, scaleForLongSide(page, PDF_COLOUR_LONG_SIDE_PX))
      if (!color || !thumbnail) {
        const rgba = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data
        const raw = { width: canvas.width, height: canvas.height, channels: 4 } as const
        const sample = await colourSample(
          sharp(Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength), { raw }),
        )
        color ||= pixelsHaveColour(sample.data, sample.info.channels)
        thumbnail ??= await thumbnailFromSample(sample)
      }
    }
    const elapsed = Date.now() - started
    if (elapsed > budgetMs) throw refuse(MESSAGES.pdfTooSlow(elapsed, doc.numPages, doc.numPages))
    const facts = {
      format: 'pdf' as const,
      width: first?.width ?? 0,
      height: first?.height ?? 0,
      bytes: bytes.length,
      pages: doc.numPages,
      color,
    }
    return { facts, thumbnail: thumbnail ?? Buffer.alloc(0) }
  })
}
