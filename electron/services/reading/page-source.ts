import type { FileFormat } from '../files/facts'
import { renderPdfIsolated } from '../workers/isolated'

/** A scan's first pages are read: papers put what is checked on their first pages. */
const MAX_READ_PAGES = 4

/** PDF pages are rendered at 216 dpi, then read at READ_LONG_SIDE like any image. */
const READ_PDF_SCALE = 3

/**
 * The page images of a stored file, as the OCR worker takes them: an image file is its own page
 * (decoded in the worker, EXIF orientation applied there); a PDF's pages are rendered in the
 * decoding worker. `only` picks one page (1-based), for a line's crop.
 */
export async function pageImages(
  bytes: Buffer,
  format: FileFormat,
  only?: number,
): Promise<Buffer[]> {
  if (format !== 'pdf') return only === undefined || only === 1 ? [bytes] : []
  const pages = await renderPdfIsolated(bytes, {
    scale: READ_PDF_SCALE,
    firstPage: only ?? 1,
    maxPages: only === undefined ? MAX_READ_PAGES : 1,
  })
  return pages.map((page) => page.png)
}
