import {
  IMPORT_FORMATS_TEXT,
  MAX_IMPORT_BYTES,
  MAX_IMPORT_PAGES,
  MAX_IMPORT_PIXELS,
  MAX_IMPORT_TOTAL_PIXELS,
} from '../../../shared/limits'

/** The Chinese reasons given to the user when a file is refused, in one place. */

const megabytes = (bytes: number): string => (bytes / 1_000_000).toFixed(1)
const megapixels = (pixels: number): string => String(Math.round(pixels / 1_000_000))
const duration = (ms: number): string => (ms < 1000 ? `${ms} 毫秒` : `${Math.round(ms / 1000)} 秒`)

const SUPPORTED_FORMATS_TEXT = IMPORT_FORMATS_TEXT.zh

export const MESSAGES = {
  empty: '文件为空（0 字节），无法导入。请检查文件是否完整后重新选择。',
  tooLarge: (bytes: number) =>
    `文件过大：${megabytes(bytes)} MB，超过 ${megabytes(MAX_IMPORT_BYTES)} MB 的上限。请压缩或拆分后再导入。`,
  tooManyPixels: (width: number, height: number) =>
    `图片尺寸过大：${width}×${height}（约 ${megapixels(width * height)} 百万像素），超过 ${megapixels(MAX_IMPORT_PIXELS)} 百万像素的上限。请缩小后再导入。`,
  undecodable: (format: string) =>
    `文件已损坏或不完整，无法解码（${format}）。请重新扫描，或从原处重新导出后再导入。`,
  heic: '不支持 HEIC/HEIF 格式（苹果设备照片）。请先转换为 JPG：在手机相册中导出为 JPG，或在 iPhone 设置 → 相机 → 格式 选“兼容性最佳”后重新拍摄。',
  bmp: '暂不支持 BMP 图片。请用“画图”等工具另存为 PNG 或 JPG 后再导入。',
  notAnImage: (nameExt: string, kind: string) =>
    `这不是图片或 PDF：文件名是 .${nameExt}，但内容是${kind}。为安全起见已拒绝导入。`,
  unsupported: (kind: string) => `不支持的文件类型：${kind}。只能导入 ${SUPPORTED_FORMATS_TEXT}。`,
  unknown: `无法识别的文件格式。只能导入 ${SUPPORTED_FORMATS_TEXT}。`,
  pdfEncrypted:
    'PDF 已加密（设有打开密码或权限保护），无法读取。请提供未加密的 PDF，或用阅读器“打印为 PDF”另存一份后再导入。',
  tooManyPages: (kind: 'PDF' | 'TIFF', pages: number) =>
    `${kind} 共 ${pages} 页，超过 ${MAX_IMPORT_PAGES} 页的上限。请只保留需要的页面后再导入。`,
  pdfPageTooLarge: (width: number, height: number) =>
    `PDF 页面尺寸过大：渲染后为 ${width}×${height}（约 ${megapixels(width * height)} 百万像素），超过 ${megapixels(MAX_IMPORT_PIXELS)} 百万像素的上限。`,
  pdfTimeout: (ms: number) =>
    `PDF 处理超时（超过 ${duration(ms)}），文件可能过于复杂或已损坏。请另存为较简单的 PDF 或图片后再导入。`,
  pdfEmpty: 'PDF 中没有任何页面，无法导入。',
  tooManyTotalPixels: (kind: 'PDF' | 'TIFF', pages: number, pixels: number) =>
    `${kind} 的 ${pages} 页合计约 ${megapixels(pixels)} 百万像素，超过 ${megapixels(MAX_IMPORT_TOTAL_PIXELS)} 百万像素的上限（导出时每页都要处理）。请只保留需要的页面，或降低扫描分辨率后再导入。`,
  pdfTooSlow: (ms: number, pagesDone: number, pages: number) =>
    `PDF 绘制过于复杂：检查到第 ${pagesDone}/${pages} 页已用时 ${duration(ms)}，导出时还要以更高分辨率再绘制一次。为避免导出时卡住已拒绝导入。请“打印为图片”或重新扫描后再导入。`,
} as const
