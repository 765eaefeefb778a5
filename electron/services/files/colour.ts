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
function pixelsHaveColour(pixels: Uint8Array | Buffer, channels: number): boolean {
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

/**
 * Decode fully (no shrink-on-load, so every byte of the file is read and a
 * truncated file fails here), flatten on white, downscale and judge colour.
 */
export async function sharpHasColour(image: Sharp): Promise<boolean> {
  const { data, info } = await image
    .flatten({ background: '#ffffff' })
    .resize({
      width: COLOUR_SAMPLE_PX,
      height: COLOUR_SAMPLE_PX,
      fit: 'inside',
      withoutEnlargement: true,
      fastShrinkOnLoad: false,
    })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true })
  return pixelsHaveColour(data, info.channels)
}
