import sharp, { type Sharp } from 'sharp'
import { decodeError } from './errors'

/** Decoded 8-bit pixels, oriented, without alpha: the one thing every encode starts from. */
export interface Raster {
  data: Buffer
  width: number
  height: number
  /** 1 for greyscale sources (kept grey: a third of the bytes), 3 for everything else. */
  channels: 1 | 3
}

export interface LoadedImage {
  raster: Raster
  /** The decoder sharp used (jpeg, png, webp, tiff, gif, …). */
  format: string
  /** Long side of the oriented source before any cap: the legibility floor is relative to it. */
  sourceLongSide: number
}

export interface LoadOptions {
  maxLongSide: number
  limitInputPixels: number
  /** Colour behind transparent parts: documents and logos are read on white. */
  background?: string
}

export function longSide(width: number, height: number): number {
  return Math.max(width, height)
}

/**
 * Decodes once, so the search re-encodes pixels instead of re-decoding the file on every probe.
 * EXIF orientation is applied here; every later step writes pixels only, so no EXIF, GPS, XMP or
 * ICC profile reaches an output (sharp converts to sRGB and drops the profile unless told to keep
 * it).
 */
export async function loadRaster(input: Buffer, options: LoadOptions): Promise<LoadedImage> {
  const open = (): Sharp =>
    sharp(input, { limitInputPixels: options.limitInputPixels, failOn: 'error', autoOrient: true })
  try {
    const meta = await open().metadata()
    const grey = meta.channels <= 2
    const { data, info } = await open()
      .resize({
        width: options.maxLongSide,
        height: options.maxLongSide,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .flatten({ background: options.background ?? '#ffffff' })
      .toColourspace(grey ? 'b-w' : 'srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true })
    return {
      raster: { data, width: info.width, height: info.height, channels: grey ? 1 : 3 },
      format: meta.format,
      sourceLongSide: longSide(meta.autoOrient.width, meta.autoOrient.height),
    }
  } catch (error) {
    throw decodeError(error)
  }
}

/**
 * A sharp pipeline reading a raster, with the same explicit pixel limit as every decode. A grey
 * raster is marked b-w so sharp does not widen it to three channels on output.
 */
export function fromRaster(raster: Raster): Sharp {
  const pipeline = sharp(raster.data, {
    raw: { width: raster.width, height: raster.height, channels: raster.channels },
    limitInputPixels: raster.width * raster.height,
  })
  return raster.channels === 1 ? pipeline.toColourspace('b-w') : pipeline
}
