/**
 * The numbers every image export obeys. RULES.md §1 reads the platform's "1M" as 10^6 bytes, the
 * strictest reading, so nothing we write can be refused for a kibibyte/megabyte mix-up.
 */
export const MAX_UPLOAD_BYTES = 1_000_000

/**
 * Passed to sharp as `limitInputPixels` on every decode, so a decompression bomb fails before its
 * pixels are allocated. 150 MP admits an A4 page scanned at 1200 dpi (about 139 MP) and 108 MP
 * phone cameras; sharp's own default (268 MP) would let one file hold ~800 MB of RGB.
 */
export const MAX_INPUT_PIXELS = 150_000_000

/**
 * The working raster is capped at an A4 page at 600 dpi. Nothing larger can fit in 1 MB at a
 * quality we accept, and the cap bounds the raw buffer at ~110 MB instead of ~450 MB.
 */
export const MAX_WORKING_LONG_SIDE = 7016

/**
 * The legibility floor: the export refuses rather than go below it.
 * - `minLongSide` 1600 px puts an A4 page at ~137 dpi, where a 10.5 pt (五号) character spans
 *   ~20 px and its strokes stay separate.
 * - `maxDownscale` 4: we never throw away more than 15/16 of the source's pixels. We do not know a
 *   source's physical size, and beyond that the small print that made someone scan at high
 *   resolution (seals, 防伪 microtext, a card in a wide photo) is gone; a rescan at a lower
 *   resolution lets the scanner do that trade knowingly.
 * - `minQuality` 20 on libjpeg's standard scale (encode.ts), measured, not assumed: on the bench's
 *   300 dpi-like pages (characters ~45 px high) OCR read 99.7 % of the original's characters at
 *   q22 and 99.6 % at q15 (ImageMagick's own jpeg:extent pick, q21, 99.8 %); the size ladder
 *   keeps the pixels first, so smaller characters come with higher qualities. It replaced
 *   "mozjpeg 60", which forced portrait pages down to 78 % of their pixels for less SSIM.
 * Floor long side = max(minLongSide, ceil(source / maxDownscale)), never above the source.
 */
export const LEGIBILITY_FLOOR = { minLongSide: 1600, maxDownscale: 4, minQuality: 20 } as const

/** Top of the quality search: above 92 the encoder spends bytes on noise the eye cannot see. */
export const MAX_QUALITY = 92

/** The platform's recommended avatar size (RULES.md R1). */
export const AVATAR_SIDE = 800
