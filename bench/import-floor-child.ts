import { readFile } from 'node:fs/promises'
import { renderPage, scaleForLongSide, withPdfDocument } from '../electron/services/files/pdf'
import { loadPdfjs } from '../electron/services/files/pdfjs'
import { THUMBNAIL_MAX_PX } from '../electron/services/files/limits'
import { openImage } from '../electron/services/files/sharp-input'
import { serveTasks } from '../electron/services/workers/serve'

/**
 * The import bench's floor (bench/import.ts), in worker processes of the app's pool machinery:
 * one decode of each file at thumbnail size, read from its path.
 *
 * - An image: sharp with a thumbnail-sized resize, which libvips shrinks on load (a JPEG's DCT
 *   is scaled by up to 1/8 while every entropy-coded byte is still read).
 * - A PDF: pdfjs drawing every page at thumbnail size. A PDF has no shrink-on-load: pdfjs is the
 *   only decoder we have that reads any page (vector content, fonts, JPEG/JPX/Flate/CCITT
 *   images), and it decodes an embedded image at its full size whatever the output scale — so
 *   drawing each page once at the smallest useful size is the cheapest complete decode.
 *   Extracting the scans' embedded JPEGs for sharp would be cheaper but is not a decode of the
 *   PDF (it ignores everything else on the page, and only works for image-only PDFs).
 */
const TASKS = {
  decode: async (input: { path: string; pdf: boolean }): Promise<number> => {
    const bytes = await readFile(input.path)
    if (!input.pdf) {
      const side = THUMBNAIL_MAX_PX
      const raster = await openImage(bytes).resize(side, side, { fit: 'inside' }).raw().toBuffer()
      return raster.length
    }
    return withPdfDocument(bytes, {}, async (doc) => {
      let pixels = 0
      for (let number = 1; number <= doc.numPages; number++) {
        const page = await doc.getPage(number)
        const canvas = await renderPage(page, scaleForLongSide(page, THUMBNAIL_MAX_PX))
        pixels += canvas.width * canvas.height
      }
      return pixels
    })
  },
}

export type FloorTasks = typeof TASKS

serveTasks(TASKS, loadPdfjs)
