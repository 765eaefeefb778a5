import sharp from 'sharp'
import { encodeJpeg, encodePng } from './encode'
import { MAX_INPUT_PIXELS } from './limits'
import type { Raster } from './raster'

export interface FloorPageInput {
  image: Buffer
  /** The output page's format and pixel size. */
  format: 'jpeg' | 'png'
  width: number
  height: number
  /** mozjpeg quality of a JPEG output. */
  quality: number
}

/**
 * The least work any export of a page does: decode the source once (oriented, flattened, at the
 * output's size) and encode it once with the encoders fitToUpload uses. The export bench measures
 * its floor with this, through the same worker pool as the export.
 */
export async function floorPage(input: FloorPageInput): Promise<Buffer> {
  const open = () => sharp(input.image, { limitInputPixels: MAX_INPUT_PIXELS, autoOrient: true })
  const grey = (await open().metadata()).channels <= 2
  const { data, info } = await open()
    .resize({ width: input.width, height: input.height, fit: 'fill' })
    .flatten({ background: '#ffffff' })
    .toColourspace(grey ? 'b-w' : 'srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true })
  const raster: Raster = { data, width: info.width, height: info.height, channels: grey ? 1 : 3 }
  return input.format === 'png' ? encodePng(raster) : encodeJpeg(raster, input.quality)
}
