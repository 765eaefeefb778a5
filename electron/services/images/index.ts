/** The image services the export uses; everything else in this folder is their machinery. */
export { fitToUpload } from './fit'
export { fitAvatar } from './avatar'
export { watermarkIdCopy } from './watermark'

export type { FitResult } from './types'
