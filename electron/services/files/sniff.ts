import { extname } from 'node:path'
import type { FileFormat } from './facts'
import { MESSAGES } from './messages'
import { refuse } from './refuse'

/** file-type's extension → our format, for the types we decode. */
const ACCEPTED: Record<string, FileFormat> = {
  jpg: 'jpeg',
  png: 'png',
  apng: 'png',
  webp: 'webp',
  tif: 'tiff',
  gif: 'gif',
  pdf: 'pdf',
}

const EXECUTABLE = new Set(['elf', 'exe', 'macho', 'apk', 'jar', 'class', 'wasm', 'crx', 'xpi'])
const ARCHIVE = new Set([
  'zip',
  'tar',
  'rar',
  'gz',
  'bz2',
  '7z',
  'xz',
  'lz',
  'zst',
  'lz4',
  'cab',
  'arj',
  'cpio',
  'ace',
  'lzh',
  'iso',
  'dmg',
  'asar',
  'deb',
  'rpm',
  'ar',
])
const DOCUMENT = new Set([
  'docx',
  'xlsx',
  'pptx',
  'docm',
  'dotx',
  'dotm',
  'xlsm',
  'xltx',
  'xltm',
  'pptm',
  'potx',
  'potm',
  'ppsx',
  'ppsm',
  'odt',
  'ods',
  'odp',
  'odg',
  'ott',
  'ots',
  'otp',
  'otg',
  'cfb',
  'rtf',
  'epub',
  'pages',
  'numbers',
  'key',
  'vsdx',
])
const HEIF = new Set(['heic', 'heif'])

/** Names the user would give a file that we would expect to open as a picture or a PDF. */
const PICTURE_NAME_EXTENSIONS = new Set([
  'jpg',
  'jpeg',
  'jpe',
  'jfif',
  'png',
  'webp',
  'tif',
  'tiff',
  'gif',
  'bmp',
  'pdf',
  'heic',
  'heif',
])

/** What the bytes are, in words the user understands. */
function describeKind(ext: string): string {
  if (EXECUTABLE.has(ext)) return `可执行程序（${ext.toUpperCase()}）`
  if (ARCHIVE.has(ext)) return `压缩包（${ext.toUpperCase()}）`
  if (DOCUMENT.has(ext)) return `办公文档（${ext.toUpperCase()}）`
  return `${ext.toUpperCase()} 文件`
}

function nameExtension(fileName: string | undefined): string | undefined {
  if (fileName === undefined) return undefined
  const ext = extname(fileName).slice(1).toLowerCase()
  return ext === '' ? undefined : ext
}

let fileTypeModule: Promise<typeof import('file-type')> | undefined

/**
 * The format, decided from the bytes only; the name is used for nothing but
 * a clearer message when it claims a picture and the bytes are something else.
 */
export async function sniffFormat(bytes: Buffer, fileName?: string): Promise<FileFormat> {
  // file-type is ESM-only: a dynamic import keeps the CommonJS main-process bundle loadable.
  fileTypeModule ??= import('file-type')
  const { fileTypeFromBuffer } = await fileTypeModule
  const detected = await fileTypeFromBuffer(bytes)
  const ext: string | undefined = detected?.ext
  const format = ext === undefined ? undefined : ACCEPTED[ext]
  if (format !== undefined) return format
  if (ext !== undefined && HEIF.has(ext)) throw refuse(MESSAGES.heic)
  if (ext === 'bmp') throw refuse(MESSAGES.bmp)
  const claimed = nameExtension(fileName)
  const claimsPicture = claimed !== undefined && PICTURE_NAME_EXTENSIONS.has(claimed)
  if (ext === undefined) {
    throw refuse(claimsPicture ? MESSAGES.notAnImage(claimed, '无法识别的数据') : MESSAGES.unknown)
  }
  const kind = describeKind(ext)
  throw refuse(claimsPicture ? MESSAGES.notAnImage(claimed, kind) : MESSAGES.unsupported(kind))
}
