import sharp, { type Metadata } from 'sharp'
import { sharpHasColour } from './colour'
import type { FileFacts, RasterFormat } from './facts'
import { MAX_IMPORT_PAGES, MAX_IMPORT_PIXELS } from '../../../shared/limits'
import { MESSAGES } from './messages'
import { isRefusal, refuse } from './refuse'
import { isPixelLimitError, openImage } from './sharp-input'

const FORMAT_LABEL: Record<RasterFormat, string> = {
  jpeg: 'JPG',
  png: 'PNG',
  webp: 'WebP',
  tiff: 'TIFF',
  gif: 'GIF',
}

/** Header only: dimensions, orientation and page count, without decoding pixels. */
async function readHeader(bytes: Buffer, format: RasterFormat): Promise<Metadata> {
  try {
    // No pixel limit here on purpose: reading the header is cheap, and we want
    // the real dimensions to name them in the refusal below.
    return await sharp(bytes, { limitInputPixels: false, failOn: 'error' }).metadata()
  } catch {
    throw refuse(MESSAGES.undecodable(FORMAT_LABEL[format]))
  }
}

/** Pages we treat as document pages: multi-page TIFF scans; animation frames are not pages. */
function documentPages(meta: Metadata, format: RasterFormat): number {
  return format === 'tiff' ? Math.max(1, meta.pages ?? 1) : 1
}

/** Inspect an image sharp can decode: every page is fully decoded before it is accepted. */
export async function inspectRaster(bytes: Buffer, format: RasterFormat): Promise<FileFacts> {
  const meta = await readHeader(bytes, format)
  const { width, height } = meta
  if (width * height > MAX_IMPORT_PIXELS) throw refuse(MESSAGES.tooManyPixels(width, height))
  const pages = documentPages(meta, format)
  if (pages > MAX_IMPORT_PAGES) throw refuse(MESSAGES.tooManyPages('TIFF', pages))
  let color = false
  for (let page = 0; page < pages; page++) {
    try {
      const pageHasColour = await sharpHasColour(openImage(bytes, { page }))
      color ||= pageHasColour
    } catch (error) {
      if (isRefusal(error)) throw error
      if (isPixelLimitError(error)) throw refuse(MESSAGES.tooManyPixels(width, height))
      throw refuse(MESSAGES.undecodable(FORMAT_LABEL[format]))
    }
  }
  // sharp's autoOrient block holds the dimensions after the EXIF orientation is applied.
  const oriented = meta.autoOrient
  return {
    format,
    width: oriented.width,
    height: oriented.height,
    bytes: bytes.length,
    pages,
    color,
  }
}
