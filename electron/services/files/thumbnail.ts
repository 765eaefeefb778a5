import type { FileFacts } from './facts'
import { THUMBNAIL_MAX_PX } from './limits'
import { renderFirstPdfPage } from './pdf'
import { openImage } from './sharp-input'

/** Quality of thumbnails: small files, text still legible at 320 px. */
const THUMBNAIL_QUALITY = 80

/**
 * A JPEG preview whose long side is at most `maxSide` (default 320 px): the
 * first page of a PDF, or the image with its EXIF orientation applied.
 * sharp writes no metadata unless asked (no EXIF, no GPS, no ICC: sRGB).
 */
export async function makeThumbnail(
  bytes: Buffer,
  facts: Pick<FileFacts, 'format'>,
  maxSide: number = THUMBNAIL_MAX_PX,
): Promise<Buffer> {
  // PDF pages are drawn at twice the size, then downscaled by sharp: crisper small text.
  const source =
    facts.format === 'pdf'
      ? openImage((await renderFirstPdfPage(bytes, maxSide * 2)).png)
      : openImage(bytes, { autoOrient: true })
  return source
    .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: THUMBNAIL_QUALITY, mozjpeg: true })
    .toBuffer()
}
