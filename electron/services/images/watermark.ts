import sharp, { type Sharp } from 'sharp'
import { decodeError } from './errors'
import { MAX_INPUT_PIXELS } from './limits'
import { ID_COPY_WATERMARK, watermarkSvg, type WatermarkStyle } from './watermark-svg'

export { ID_COPY_WATERMARK }

/** Mean luminance above which the card is "light" and gets dark marks (white would vanish). */
const LIGHT = 140

/**
 * The ID copy with `text` repeated diagonally over it, semi-transparent. Returns a PNG of the
 * same (oriented) size, without metadata: a lossless intermediate, because the export passes it
 * to fitToUpload, which does the one lossy encode.
 */
export async function watermarkIdCopy(
  input: Buffer,
  text: string = ID_COPY_WATERMARK,
  options: { limitInputPixels?: number } = {},
): Promise<Buffer> {
  const limitInputPixels = options.limitInputPixels ?? MAX_INPUT_PIXELS
  try {
    const open = (): Sharp =>
      sharp(input, { limitInputPixels, failOn: 'error', autoOrient: true }).flatten({
        background: '#ffffff',
      })
    const meta = await sharp(input, { limitInputPixels, autoOrient: true }).metadata()
    const { width, height } = meta.autoOrient
    const style = await styleFor(open())
    const overlay = Buffer.from(watermarkSvg(width, height, text, style))
    return await open()
      .composite([{ input: overlay, top: 0, left: 0 }])
      .toColourspace('srgb')
      .png({ compressionLevel: 6 })
      .toBuffer()
  } catch (error) {
    throw decodeError(error)
  }
}

/** Dark grey marks on a light card, white marks on a dark photo: contrast without hiding digits. */
async function styleFor(image: Sharp): Promise<WatermarkStyle> {
  const stats = await image.resize({ width: 256, height: 256, fit: 'inside' }).greyscale().stats()
  const mean = stats.channels[0]?.mean ?? 255
  return mean > LIGHT ? { fill: '#3c3c3c', opacity: 0.3 } : { fill: '#ffffff', opacity: 0.3 }
}
