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

/** Most pages accepted (PDF, multi-page TIFF): a qualification scan is a few pages, not a book. */
export const MAX_IMPORT_PAGES = 50

/** Time allowed to open and inspect one PDF, all pages included. */
export const PDF_TIME_LIMIT_MS = 20_000
