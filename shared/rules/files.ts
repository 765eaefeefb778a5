import {
  ACCEPTED_OTHER_FORMATS,
  AVATAR_RECOMMENDED_PX,
  CONVERTIBLE_FORMATS,
  MAX_UPLOAD_BYTES,
} from './interpretations'
import type { FileFacts } from './scenario'
import type { Status } from './types'

export interface FileVerdict {
  status: Status
  reasons: string[]
  /** Worth telling but not stopping (R1's 800×800). */
  notes: string[]
}

const FORMAT_ALIASES: Record<string, string> = { jpg: 'jpeg', tif: 'tiff', 'image/jpeg': 'jpeg' }

function normalizeFormat(format: string): string {
  const lower = format.trim().toLowerCase()
  return FORMAT_ALIASES[lower] ?? lower
}

function isConvertible(format: string): boolean {
  return (CONVERTIBLE_FORMATS as readonly string[]).includes(format)
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(2)} MB`
}

function undecodable(format: string): FileVerdict {
  const hint = format === 'heic' || format === 'heif' ? '（HEIC 请先在手机或电脑上另存为 JPG）' : ''
  return {
    status: 'invalid',
    reasons: [`文件格式 ${format} 无法转换为平台接受的图片${hint}`],
    notes: [],
  }
}

/** R1: JPG, 1:1, ≤ 1 MB; 800×800 recommended. PNG etc., non-square or oversize → fixable. */
export function ruleR1AvatarFile(file: FileFacts): FileVerdict {
  const format = normalizeFormat(file.format)
  if (format !== 'jpeg' && !isConvertible(format)) return undecodable(format)
  const reasons: string[] = []
  const notes: string[] = []
  if (format !== 'jpeg') reasons.push(`R1：头像须为 JPG，当前为 ${format}，导出时转换`)
  const { width, height, bytes } = file
  if (width != null && height != null) {
    if (width !== height) {
      reasons.push(`R1：头像须为 1:1，当前 ${width}×${height}，导出时按所选方式补边或裁切`)
    } else if (width !== AVATAR_RECOMMENDED_PX) {
      notes.push(
        `R1：建议头像为 ${AVATAR_RECOMMENDED_PX}×${AVATAR_RECOMMENDED_PX}，当前 ${width}×${height}`,
      )
    }
  }
  if (bytes !== undefined && bytes > MAX_UPLOAD_BYTES) {
    reasons.push(`R1：头像须在 1 MB 以内，当前 ${megabytes(bytes)}，导出时压缩`)
  }
  return { status: reasons.length > 0 ? 'fixable' : 'satisfied', reasons, notes }
}

/**
 * R2 (other/email slots), also R3/R13 with `colourRequired`: JPG/PNG ≤ 1 MB;
 * other decodable formats or oversize files are fixed on export; HEIC and
 * undecodable files are invalid; a greyscale scan where colour is required is invalid.
 */
export function ruleR2UploadFile(file: FileFacts, colourRequired: boolean): FileVerdict {
  const format = normalizeFormat(file.format)
  if (!(ACCEPTED_OTHER_FORMATS as readonly string[]).includes(format) && !isConvertible(format)) {
    return undecodable(format)
  }
  if (colourRequired && file.color === false) {
    return {
      status: 'invalid',
      reasons: ['须为原件彩色扫描件，此文件为黑白/灰度，请重新彩色扫描'],
      notes: [],
    }
  }
  const reasons: string[] = []
  if (!(ACCEPTED_OTHER_FORMATS as readonly string[]).includes(format)) {
    reasons.push(`R2：平台只接受 JPG/PNG，当前为 ${format}，导出时转换`)
  }
  if (file.bytes !== undefined && file.bytes > MAX_UPLOAD_BYTES) {
    reasons.push(`R2：每个文件须在 1 MB 以内，当前 ${megabytes(file.bytes)}，导出时压缩`)
  }
  return { status: reasons.length > 0 ? 'fixable' : 'satisfied', reasons, notes: [] }
}
