import type { FileInfo } from '../../../shared/library/schemas'
import { renderPdfIsolated } from '../workers/isolated'

export interface SourcePage {
  /** A raster image sharp can read (the stored file itself, or a PNG of one PDF page). */
  image: Buffer
  /** A page of a multi-page TIFF `image`: extracted by the worker that fits it. */
  tiffPage?: number
  /** 0-based. */
  index: number
  count: number
}

/**
 * A stored document as raster images, one page at a time so a long PDF never sits in memory as a
 * whole: PDF pages rendered by pdfjs (the import's renderer and scale), the pages of a multi-page
 * TIFF, or the image itself.
 */
export async function* sourcePages(
  bytes: Buffer,
  file: Pick<FileInfo, 'format' | 'pages'>,
): AsyncGenerator<SourcePage> {
  const count = Math.max(1, file.pages)
  if (file.format === 'pdf') {
    for (let index = 0; index < count; index++) {
      const [page] = await renderPdfIsolated(bytes, { firstPage: index + 1, maxPages: 1 })
      // The stored page count comes from the import; a file cannot have lost pages since.
      if (!page) return
      yield { image: page.png, index, count }
    }
    return
  }
  if (file.format === 'tiff' && count > 1) {
    // Decoding a page of a stored TIFF is decoding untrusted input: the worker does it.
    for (let index = 0; index < count; index++)
      yield { image: bytes, tiffPage: index, index, count }
    return
  }
  yield { image: bytes, index: 0, count: 1 }
}
