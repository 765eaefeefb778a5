/**
 * What PacketDesk accepts at import, in one place: the contract (payload size), the browser host
 * (request body), the import pipeline, the CLI and the messages all read these.
 */

/** Largest file accepted, in bytes (decimal MB, like RULES.md's "1M" reading). */
export const MAX_IMPORT_BYTES = 50_000_000

/** The same limit as base64 text (a file import crosses IPC and HTTP base64-encoded). */
export const MAX_IMPORT_BASE64_CHARS = Math.ceil(MAX_IMPORT_BYTES / 3) * 4

/** Largest image (or rendered PDF page) accepted, in pixels (width × height). */
export const MAX_IMPORT_PIXELS = 100_000_000

/**
 * Most pixels accepted for all pages of one file together (PDF pages at the export's render
 * scale, TIFF pages as stored): what the export will decode and encode, estimated from the
 * headers before any page is drawn. 500 MP is ~55 A4 pages scanned at 300 dpi.
 */
export const MAX_IMPORT_TOTAL_PIXELS = 500_000_000

/**
 * Drawing all pages of a PDF at import may take this long; a file past it is refused as too
 * complex (the export draws each page again, at a larger scale). Real scans take well under a
 * second per page.
 */
export const IMPORT_RENDER_BUDGET_MS = 8_000

/** Most pages accepted (PDF, multi-page TIFF): a qualification scan is a few pages, not a book. */
export const MAX_IMPORT_PAGES = 50

/** Time allowed to open and inspect one PDF, all pages included. */
export const PDF_TIME_LIMIT_MS = 20_000

/**
 * The formats an import accepts (the file store's sniffer decides from the bytes), named the same
 * way by the dropzones and by the refusal messages (issue 13 item 11).
 */
const IMPORT_IMAGE_FORMATS = ['JPG', 'PNG', 'WebP', 'TIFF', 'GIF'] as const
export const IMPORT_FORMATS_TEXT = {
  zh: `${IMPORT_IMAGE_FORMATS.join('、')} 图片或 PDF 文件`,
  en: `${IMPORT_IMAGE_FORMATS.join(', ')} images or PDF files`,
} as const
/** Most letters in one 全部打印 / 保存到文件夹 (issue 13 item 9). */
export const MAX_BUNDLE_LETTERS = 200

/**
 * Files a batch import sends at once (the renderer's drop, the bench): the decoding pool's two
 * workers both busy, like the browser host's two large requests at a time.
 */
export const IMPORT_FILES_AT_ONCE = 2
