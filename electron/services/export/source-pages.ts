import sharp from 'sharp'
import type { FileInfo } from '../../../shared/library/schemas'
import { renderPdfIsolated } from '../workers/isolated'
import { SHARP_INPUT_OPTIONS } from '../files/sharp-input'

export interface SourcePage {
  /** A raster image sharp can read (the stored file itself, or a PNG of one page). */
  image: Buffer
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
    for (let index = 0; index < count; index++) {
      const image = await sharp(bytes, { ...SHARP_INPUT_OPTIONS, page: index, autoOrient: true })
        .png({ compressionLevel: 1 })
        .toBuffer()
      yield { image, index, count }
    }
    return
  }
  yield { image: bytes, index: 0, count: 1 }
}
