import { fromRaster, longSide, type Raster } from './raster'

/**
 * Baseline JPEG with the standard (Annex K) tables, 4:2:0 chroma and optimised Huffman tables: the
 * output ImageMagick's jpeg:extent searches over. sharp's libvips is built with mozjpeg, which
 * libvips runs in its libjpeg-turbo-compatible profile unless mozjpeg's own options are asked for;
 * those (trellis, progressive scans, table 3) keep ~0.002 more SSIM at equal bytes on our scans
 * but cost 6–10× the CPU (1.5–2.3 s per 12 MP page), which the 1 MB cap does not pay back.
 * Optimised Huffman tables cost 2–4× a plain encode in this build (a 12 MP scan: ~100–200 ms
 * against ~50 ms) but save ~6 % of the bytes, two quality steps near the floor: kept.
 * The size estimate (size-estimate.ts) probes with this very encoder, so it carries no bias.
 */
export async function encodeJpeg(raster: Raster, quality: number): Promise<Buffer> {
  return fromRaster(raster)
    .jpeg({ quality, optimiseCoding: true, chromaSubsampling: '4:2:0' })
    .toBuffer()
}

/**
 * Lossless PNG at the strongest zlib setting, for flat screenshot-like sources. Without adaptive
 * row filtering: on flat graphics it is ~1/3 smaller and twice as fast (measured on our
 * filing-record screenshot fixture).
 */
export async function encodePng(raster: Raster): Promise<Buffer> {
  return fromRaster(raster).png({ compressionLevel: 9, adaptiveFiltering: false }).toBuffer()
}

/** The raster scaled so its long side is `side` (Lanczos 3); the same raster when already there. */
export async function resizeRaster(raster: Raster, side: number): Promise<Raster> {
  if (side >= longSide(raster.width, raster.height)) return raster
  const { data, info } = await fromRaster(raster)
    .resize({ width: side, height: side, fit: 'inside' })
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height, channels: info.channels === 1 ? 1 : 3 }
}
