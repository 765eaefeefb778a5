import sharp from 'sharp'
import type { ColourSample } from './colour'
import type { FileFacts } from './facts'
import { THUMBNAIL_MAX_PX } from './limits'
import { renderFirstPdfPage } from './pdf'
import { openImage } from './sharp-input'

/** Quality of thumbnails: small files, text still legible at 320 px. */
const THUMBNAIL_QUALITY = 80

/**
 * An obscured thumbnail (an ID scan's) keeps one pixel in this many each way, smoothed back to
 * size: the card's layout, photo and colours stay recognisable, its digits do not (a plain blur
 * left an 18-digit number guessable) — reading the number takes opening the scan, audited.
 */
const OBSCURE_FACTOR = 12

/**
 * A JPEG preview whose long side is at most `maxSide` (default 320 px): the
 * first page of a PDF, or the image with its EXIF orientation applied.
 * sharp writes no metadata unless asked (no EXIF, no GPS, no ICC: sRGB).
 */
export async function makeThumbnail(
  bytes: Buffer,
  facts: Pick<FileFacts, 'format'>,
  maxSide: number = THUMBNAIL_MAX_PX,
  options: { obscure?: boolean } = {},
): Promise<Buffer> {
  // PDF pages are drawn at twice the size, then downscaled by sharp: crisper small text.
  const source =
    facts.format === 'pdf'
      ? openImage((await renderFirstPdfPage(bytes, maxSide * 2)).png)
      : openImage(bytes, { autoOrient: true })
  const small = source
    .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
  if (!options.obscure) return small.jpeg({ quality: THUMBNAIL_QUALITY, mozjpeg: true }).toBuffer()
  const { data, info } = await small.raw().toBuffer({ resolveWithObject: true })
  const raw = { width: info.width, height: info.height, channels: info.channels }
  const coarse = await sharp(data, { raw })
    .resize({
      width: Math.max(2, Math.round(info.width / OBSCURE_FACTOR)),
      height: Math.max(2, Math.round(info.height / OBSCURE_FACTOR)),
      fit: 'fill',
    })
    .png()
    .toBuffer()
  return sharp(coarse)
    .resize({ width: info.width, height: info.height, fit: 'fill', kernel: 'cubic' })
    .blur(1.5)
    .jpeg({ quality: THUMBNAIL_QUALITY, mozjpeg: true })
    .toBuffer()
}

/**
 * The list thumbnail (as makeThumbnail's) cut from a raster the import has already decoded
 * (colourSample's): no second decode of the file.
 */
export function thumbnailFromSample(sample: ColourSample): Promise<Buffer> {
  const side = THUMBNAIL_MAX_PX
  return sharp(sample.data, { raw: sample.info })
    .resize({ width: side, height: side, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: THUMBNAIL_QUALITY, mozjpeg: true })
    .toBuffer()
}
