import type { AvatarMode } from './avatar'
import { fitAvatar } from './avatar'
import { fitToUpload } from './fit'
import type { FitResult } from './types'
import { watermarkIdCopy } from './watermark'

export interface FitPageInput {
  image: Buffer
  /** The avatar (800×800 JPEG, R1) or an upload (≤ 1 MB, R2). */
  mode: 'square' | 'upload'
  avatarFit: AvatarMode
  /** ID copies: the 仅供… watermark first. */
  watermark: boolean
}

/** One page made compliant with its slot (run in a worker process by the export). */
export async function fitPage(input: FitPageInput): Promise<FitResult> {
  if (input.mode === 'square') return fitAvatar(input.image, input.avatarFit)
  const image = input.watermark ? await watermarkIdCopy(input.image) : input.image
  return fitToUpload(image)
}
