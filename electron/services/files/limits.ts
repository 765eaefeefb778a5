/**
 * Limits of the import pipeline, in one place so the messages, the tests and
 * the export (which rasterises with the same code) agree.
 */

/** Largest file accepted, in bytes (decimal MB, like RULES.md's "1M" reading). */
export const MAX_FILE_BYTES = 50_000_000

/** Largest image (or rendered PDF page) accepted, in pixels (width × height). */
export const MAX_INPUT_PIXELS = 100_000_000

/** Most pages accepted (PDF, multi-page TIFF): a qualification scan is a few pages, not a book. */
export const MAX_PAGES = 50

/** Time allowed to open and inspect one PDF, all pages included. */
export const PDF_TIME_LIMIT_MS = 20_000

/**
 * PDF pages are reported and rasterised at this scale: 2 × 72 dpi = 144 dpi,
 * so an A4 page is 1190 × 1684 px — sharp enough to read, small enough to
 * fit the platform's 1 MB after JPEG compression.
 */
export const PDF_RENDER_SCALE = 2

/**
 * Colour is judged on pages rendered with this long side (cheaper than
 * PDF_RENDER_SCALE; ~90 dpi on A4 still shows a seal clearly).
 */
export const PDF_COLOUR_LONG_SIDE_PX = 1024

/** Long side of a thumbnail, in pixels. */
export const THUMBNAIL_MAX_PX = 320
