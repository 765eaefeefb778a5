/**
 * How the import pipeline renders and samples pages. What it accepts (size, pixels, pages,
 * time) is in shared/limits.ts.
 */

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
