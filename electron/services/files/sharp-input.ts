import sharp, { type Sharp, type SharpOptions } from 'sharp'
import { MAX_IMPORT_PIXELS } from '../../../shared/limits'

/**
 * Every decode of an imported file goes through these options. The pixel
 * limit is set explicitly (sharp's default is 268 MP) and 'error' makes a
 * truncated or corrupt file fail instead of decoding to grey; 'warning' would
 * also refuse common, harmless camera quirks ("extraneous bytes before marker").
 */
export const SHARP_INPUT_OPTIONS = {
  failOn: 'error',
  limitInputPixels: MAX_IMPORT_PIXELS,
} as const satisfies SharpOptions

export function openImage(bytes: Buffer, options: SharpOptions = {}): Sharp {
  return sharp(bytes, { ...SHARP_INPUT_OPTIONS, ...options })
}

/** sharp reports the pixel limit in its message only; this is the one place that knows the wording. */
export function isPixelLimitError(error: unknown): boolean {
  return error instanceof Error && /pixel limit/i.test(error.message)
}
