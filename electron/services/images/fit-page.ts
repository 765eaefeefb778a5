import sharp from 'sharp'
import { SHARP_INPUT_OPTIONS } from '../files/sharp-input'
import type { AvatarMode } from './avatar'
import { fitAvatar } from './avatar'
import { fitToUpload } from './fit'
import type { FitResult } from './types'
import { watermarkIdCopy } from './watermark'

export interface FitPageInput {
  image: Buffer
  /** `image` is a multi-page TIFF: fit this page (0-based) of it. */
  tiffPage?: number
  /** The avatar (800×800 JPEG, R1) or an upload (≤ 1 MB, R2). */
  mode: 'square' | 'upload'
  avatarFit: AvatarMode
  /** ID copies: the 仅供… watermark first. */
  watermark: boolean
  /** Other pages are being fitted on the other workers: probe one candidate at a time. */
  crowded?: boolean
}

/** One page made compliant with its slot (run in a worker process by the export). */
export async function fitPage(input: FitPageInput): Promise<FitResult> {
  const source =
    input.tiffPage === undefined
      ? input.image
      : await sharp(input.image, { ...SHARP_INPUT_OPTIONS, page: input.tiffPage, autoOrient: true })
          .png({ compressionLevel: 1 })
          .toBuffer()
  if (input.mode === 'square') return fitAvatar(source, input.avatarFit)
  const image = input.watermark ? await watermarkIdCopy(source) : source
  return fitToUpload(image, { oneProbeAtATime: input.crowded === true })
}
