import sharp from 'sharp'
import { MESSAGES } from '../files/messages'
import { refuse } from '../files/refuse'
import { isPixelLimitError, openImage } from '../files/sharp-input'

/** Pages are read at most this long side: PP-OCRv4 reads 10 pt print on A4 well at ~170 dpi. */
const READ_LONG_SIDE = 2000

/** Clockwise quarter turns that make a page upright. */
export type Rotation = 0 | 90 | 180 | 270

/** A page's pixels as the OCR sees them: 3 channels, upright once `rotation` is applied. */
export interface PagePixels {
  data: Buffer
  width: number
  height: number
  /** Whether red ink (a seal) was found and taken out (the page read through its red channel). */
  sealSeparated: boolean
  /** Whether the page has colour at all (a greyscale scan keeps its seal as grey). */
  colour: boolean
}

/** Red ink: red well above both green and blue (a seal, a signature stamp). */
const isRedInk = (r: number, g: number, b: number): boolean => r > 110 && r - g > 45 && r - b > 35

/**
 * One page of a scan, decoded (EXIF orientation applied), scaled to READ_LONG_SIDE at most and
 * flattened on white. A page with red ink is read through its red channel: red seal ink is as
 * light as the paper there, while black and blue print stays dark — a seal's ink is separated
 * from the date line it is stamped over (issue 12). A greyscale page keeps its grey seal; the
 * reader then reads around it (see `binarize`).
 */
export async function pagePixels(
  image: Buffer,
  options: { longSide?: number; separateSeal?: boolean } = {},
): Promise<PagePixels> {
  const longSide = options.longSide ?? READ_LONG_SIDE
  const { data, info } = await openImage(image)
    .rotate()
    .flatten({ background: '#ffffff' })
    .resize({ width: longSide, height: longSide, fit: 'inside', withoutEnlargement: true })
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true })
    .catch(async (error: unknown) => {
      if (!isPixelLimitError(error)) throw refuse(MESSAGES.undecodable('图像'))
      const meta = await sharp(image, { limitInputPixels: false }).metadata()
      throw refuse(MESSAGES.tooManyPixels(meta.width ?? 0, meta.height ?? 0))
    })
  const pixels = info.width * info.height
  let red = 0
  let coloured = 0
  for (let i = 0; i < data.length; i += 3) {
    const r = data[i] ?? 0
    const g = data[i + 1] ?? 0
    const b = data[i + 2] ?? 0
    if (Math.max(r, g, b) - Math.min(r, g, b) > 40) coloured++
    if (isRedInk(r, g, b)) red++
  }
  const sealSeparated = options.separateSeal !== false && red > pixels * 0.0005
  if (sealSeparated) {
    for (let i = 0; i < data.length; i += 3) {
      const r = data[i] ?? 0
      data[i + 1] = r
      data[i + 2] = r
    }
  }
  return {
    data,
    width: info.width,
    height: info.height,
    sealSeparated,
    colour: coloured > pixels * 0.001,
  }
}

/**
 * The page turned upright (a quarter turn, then `skew` degrees back when the page lay crooked on
 * the glass), as PNG (fast, lossless: the OCR decodes it again). Optionally scaled down.
 */
export async function orientedPng(
  page: PagePixels,
  rotation: Rotation,
  longSide?: number,
  skew = 0,
): Promise<Buffer> {
  let image = sharp(page.data, { raw: { width: page.width, height: page.height, channels: 3 } })
  if (rotation !== 0) image = image.rotate(rotation)
  // sharp applies one rotation per pipeline: a skew is a second one.
  if (skew !== 0) {
    const turned = await image.png({ compressionLevel: 1 }).toBuffer()
    image = sharp(turned).rotate(-skew, { background: '#ffffff' })
  }
  if (longSide !== undefined) {
    image = image.resize({ width: longSide, height: longSide, fit: 'inside' })
  }
  return image.png({ compressionLevel: 1 }).toBuffer()
}

/**
 * A band of the upright page, enlarged twice, with mid-greys lifted towards white: a grey seal
 * (a red one scanned in greyscale) is lighter than the print under it, so stretching the levels
 * between `black` and `white` keeps the print and fades the seal — the print is read around it.
 */
export async function levelledBand(
  page: PagePixels,
  rotation: Rotation,
  skew: number,
  band: { top: number; bottom: number },
  levels: { black: number; white: number },
): Promise<Buffer> {
  const oriented = await orientedPng(page, rotation, undefined, skew)
  const { width, height } = await sharp(oriented).metadata()
  const top = Math.max(0, Math.floor(height * band.top))
  const bottom = Math.min(height, Math.ceil(height * band.bottom))
  const scale = 255 / (levels.white - levels.black)
  const cropped = await sharp(oriented)
    .extract({ left: 0, top, width, height: Math.max(1, bottom - top) })
    .greyscale()
    .linear(scale, -levels.black * scale)
    .png({ compressionLevel: 1 })
    .toBuffer()
  return sharp(cropped)
    .resize({ width: width * 2, kernel: 'lanczos3' })
    .png({ compressionLevel: 1 })
    .toBuffer()
}

/** A line's picture from the upright page, for the check step ("扫描件显示 X"). */
export async function lineCrop(
  page: PagePixels,
  rotation: Rotation,
  skew: number,
  box: { x: number; y: number; width: number; height: number },
): Promise<Buffer> {
  const oriented = await orientedPng(page, rotation, undefined, skew)
  const meta = await sharp(oriented).metadata()
  const pad = Math.round(box.height * 0.4)
  const left = Math.max(0, Math.floor(box.x - pad))
  const top = Math.max(0, Math.floor(box.y - pad))
  const right = Math.min(meta.width ?? 0, Math.ceil(box.x + box.width + pad))
  const bottom = Math.min(meta.height ?? 0, Math.ceil(box.y + box.height + pad))
  return sharp(oriented)
    .extract({ left, top, width: Math.max(1, right - left), height: Math.max(1, bottom - top) })
    .png()
    .toBuffer()
}
