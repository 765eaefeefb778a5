import { AppError } from '../../../shared/errors'
import { MAX_INPUT_PIXELS } from './limits'

/** Turns sharp's English decode failures into the one message a user can act on. */
export function decodeError(error: unknown): AppError {
  if (error instanceof AppError) return error
  const text = error instanceof Error ? error.message : String(error)
  if (/pixel limit/i.test(text)) {
    const millions = Math.round(MAX_INPUT_PIXELS / 1_000_000)
    return new AppError(
      'FILE_REJECTED',
      `图片像素过多(超过 ${millions} 百万像素),无法安全处理。请以较低分辨率(如 300 dpi)重新扫描后再导入。`,
    )
  }
  return new AppError(
    'FILE_REJECTED',
    '无法读取这张图片:文件已损坏,或格式不受支持(支持 JPG、PNG、WebP、TIFF、GIF)。',
  )
}

/** The refusal when even the legibility floor does not fit: better no file than an unreadable one. */
export function illegibleError(maxBytes: number): AppError {
  const limit = maxBytes === 1_000_000 ? '1 MB' : `${maxBytes} 字节`
  return new AppError(
    'FILE_REJECTED',
    `这份文件无法在 ${limit} 以内压缩且保持清晰可读。请以较低分辨率(如 200–300 dpi)重新扫描,或把文件拆分成多页后再导入。`,
  )
}
