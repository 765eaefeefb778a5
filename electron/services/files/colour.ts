import type { Sharp } from 'sharp'

/** Colour is judged on a copy whose long side is at most this many pixels. */
const COLOUR_SAMPLE_PX = 512

/**
 * A pixel is coloured when max(R,G,B) − min(R,G,B) reaches this (0–255).
 * JPEG noise and a scanner's tint on a grey scan stay far below it; the
 * downscale averages per-channel sensor noise away first.
 */
const COLOUR_CHROMA_MIN = 40

/**
 * The image is colour when at least this share of sampled pixels is coloured.
 * Small on purpose: a black-and-white page with one red seal is a colour
 * scan (0.03 % of 512×724 ≈ 110 px; a 15 mm seal on A4 covers ~1000 px).
 */
const COLOUR_SHARE_MIN = 0.0003

/** Decide from interleaved 8-bit pixels (3 or 4 channels; alpha is ignored). */
export function pixelsHaveColour(pixels: Uint8Array | Buffer, channels: number): boolean {
  if (channels < 3) return false
  const count = Math.floor(pixels.length / channels)
  const needed = Math.max(1, Math.ceil(count * COLOUR_SHARE_MIN))
  let coloured = 0
  for (let i = 0; i + 2 < pixels.length; i += channels) {
    const r = pixels[i] ?? 0
    const g = pixels[i + 1] ?? 0
    const b = pixels[i + 2] ?? 0
    const chroma = Math.max(r, g, b) - Math.min(r, g, b)
    if (chroma >= COLOUR_CHROMA_MIN && ++coloured >= needed) return true
  }
  return false
}

export interface ColourSample {
  data: Buffer
  info: { width: number; height: number; channels: 1 | 2 | 3 | 4 }
}

/**
 * The image decoded once, flattened on white, with its long side at most COLOUR_SAMPLE_PX and in
 * 8-bit sRGB: what colour is judged on and the import's thumbnail is cut from. libvips shrinks a
 * JPEG on load (its DCT scaled by up to 1/8), which still reads every entropy-coded byte: with
 * failOn 'error' a truncated or corrupt file fails here all the same (tests/unit/files).
 */
export async function colourSample(image: Sharp): Promise<ColourSample> {
  const { data, info } = await image
    .flatten({ background: '#ffffff' })
    .resize({
      width: COLOUR_SAMPLE_PX,
      height: COLOUR_SAMPLE_PX,
      fit: 'inside',
      withoutEnlargement: true,
    })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true })
  return { data, info: { width: info.width, height: info.height, channels: info.channels } }
}
