/** The image services the export uses; everything else in this folder is their machinery. */
export { fitToUpload, type FitOptions } from './fit'
export { fitAvatar, type AvatarBackground, type AvatarMode, type AvatarOptions } from './avatar'
export { watermarkIdCopy, ID_COPY_WATERMARK } from './watermark'
export { MAX_UPLOAD_BYTES, AVATAR_SIDE, LEGIBILITY_FLOOR } from './limits'
export type { FitResult } from './types'
