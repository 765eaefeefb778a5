import sharp, { type Metadata } from 'sharp'
import { colourSample, pixelsHaveColour } from './colour'
import type { FileFacts, RasterFormat } from './facts'
import {
  MAX_IMPORT_PAGES,
  MAX_IMPORT_PIXELS,
  MAX_IMPORT_TOTAL_PIXELS,
} from '../../../shared/limits'
import { MESSAGES } from './messages'
import { isRefusal, refuse } from './refuse'
import { isPixelLimitError, openImage } from './sharp-input'
import { thumbnailFromSample } from './thumbnail'

/** What an import learns from a file's one decode: its facts and its list thumbnail. */
export interface Inspected {
  facts: FileFacts
  /** JPEG, long side ≤ THUMBNAIL_MAX_PX, as makeThumbnail's (the first page). */
  thumbnail: Buffer
}

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

/**
 * All pages' pixels together, from each page's header (no pixel decoded): a small TIFF can
 * declare fifty 100 MP pages, which the export would then decode and encode one by one.
 */
async function totalPixels(bytes: Buffer, meta: Metadata, pages: number): Promise<number> {
  let total = meta.width * meta.height
  for (let page = 1; page < pages; page++) {
    const header = await sharp(bytes, { limitInputPixels: false, page }).metadata()
    // A later page over the per-page limit is named with its own size.
    if (header.width * header.height > MAX_IMPORT_PIXELS) {
      throw refuse(MESSAGES.tooManyPixels(header.width, header.height))
    }
    total += header.width * header.height
  }
  return total
}

/**
 * Inspect an image sharp can decode: every page is decoded once, in full (every byte read; JPEGs
 * shrunk on load), before it is accepted; the first page's decode also gives the thumbnail.
 */
export async function inspectRaster(bytes: Buffer, format: RasterFormat): Promise<Inspected> {
  const meta = await readHeader(bytes, format)
  const { width, height } = meta
  if (width * height > MAX_IMPORT_PIXELS) throw refuse(MESSAGES.tooManyPixels(width, height))
  const pages = documentPages(meta, format)
  if (pages > MAX_IMPORT_PAGES) throw refuse(MESSAGES.tooManyPages('TIFF', pages))
  if (pages > 1) {
    const pixels = await totalPixels(bytes, meta, pages).catch((error: unknown) => {
      throw isRefusal(error) ? error : refuse(MESSAGES.undecodable(FORMAT_LABEL[format]))
    })
    if (pixels > MAX_IMPORT_TOTAL_PIXELS) {
      throw refuse(MESSAGES.tooManyTotalPixels('TIFF', pages, pixels))
    }
  }
  let color = false
  let thumbnail: Buffer | undefined
  for (let page = 0; page < pages; page++) {
    try {
      // The first page upright, as the thumbnail shows it (colour does not mind).
      const sample = await colourSample(openImage(bytes, { page, autoOrient: page === 0 }))
      color ||= pixelsHaveColour(sample.data, sample.info.channels)
      thumbnail ??= await thumbnailFromSample(sample)
    } catch (error) {
      if (isRefusal(error)) throw error
      if (isPixelLimitError(error)) throw refuse(MESSAGES.tooManyPixels(width, height))
      throw refuse(MESSAGES.undecodable(FORMAT_LABEL[format]))
    }
  }
  // sharp's autoOrient block holds the dimensions after the EXIF orientation is applied.
  const oriented = meta.autoOrient
  const facts = {
    format,
    width: oriented.width,
    height: oriented.height,
    bytes: bytes.length,
    pages,
    color,
  }
  return { facts, thumbnail: thumbnail ?? Buffer.alloc(0) }
}
