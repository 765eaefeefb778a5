import sharp from 'sharp'
import { AppError } from '../../../shared/errors'
import { edgeColour } from './edge-colour'
import { decodeError, illegibleError } from './errors'
import { AVATAR_SIDE, MAX_INPUT_PIXELS, MAX_QUALITY, MAX_UPLOAD_BYTES } from './limits'
import type { FitResult } from './types'

/** `pad` keeps the whole logo (letterboxed); `crop` fills the square and cuts the overhang. */
export type AvatarMode = 'pad' | 'crop'

/** White, the image's own edge colour, or an explicit `#rrggbb`. */
export type AvatarBackground = 'white' | 'edge' | `#${string}`

export interface AvatarOptions {
  /** Which part survives a crop: the centre (predictable for logos) or libvips' attention region. */
  position?: 'centre' | 'attention'
  maxBytes?: number
  limitInputPixels?: number
}

/** An 800×800 avatar never needs less: at q60 it is ~100 kB. Tried top-down. */
const QUALITIES = [MAX_QUALITY, 85, 75, 60]

/**
 * The account avatar as the platform wants it (RULES.md R1): a JPEG of exactly 800×800 under
 * 1 MB, square by padding or centre crop, oriented, without metadata. Transparency is flattened
 * onto the background.
 */
export async function fitAvatar(
  input: Buffer,
  mode: AvatarMode,
  background: AvatarBackground = 'white',
  options: AvatarOptions = {},
): Promise<FitResult> {
  const maxBytes = options.maxBytes ?? MAX_UPLOAD_BYTES
  const limitInputPixels = options.limitInputPixels ?? MAX_INPUT_PIXELS
  try {
    const colour = await backgroundColour(input, background, limitInputPixels)
    const square = await sharp(input, { limitInputPixels, failOn: 'error', autoOrient: true })
      .flatten({ background: colour })
      .resize({
        width: AVATAR_SIDE,
        height: AVATAR_SIDE,
        fit: mode === 'pad' ? 'contain' : 'cover',
        position: mode === 'crop' && options.position === 'attention' ? 'attention' : 'centre',
        background: colour,
      })
      .toColourspace('srgb')
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true })
    for (const quality of QUALITIES) {
      const data = await sharp(square.data, { raw: square.info })
        .jpeg({ quality, mozjpeg: true })
        .toBuffer()
      if (data.length <= maxBytes) {
        return {
          data,
          format: 'jpeg',
          width: AVATAR_SIDE,
          height: AVATAR_SIDE,
          bytes: data.length,
          quality,
        }
      }
    }
  } catch (error) {
    throw decodeError(error)
  }
  throw illegibleError(maxBytes)
}

async function backgroundColour(
  input: Buffer,
  background: AvatarBackground,
  limitInputPixels: number,
): Promise<string> {
  if (background === 'white') return '#ffffff'
  if (background === 'edge') return edgeColour(input, limitInputPixels)
  if (/^#[0-9a-f]{6}$/i.test(background)) return background
  throw new AppError(
    'INVALID_ARGUMENT',
    `头像背景色格式不正确:${background}(应为 #RRGGBB)。`,
    'background',
  )
}
