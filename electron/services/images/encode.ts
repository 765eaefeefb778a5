import { fromRaster, longSide, type Raster } from './raster'

/**
 * mozjpeg's defaults (trellis quantisation, overshoot deringing, optimised progressive scans,
 * quantisation table 3): 25–35 % fewer bytes than libjpeg at the same quality, which is detail we
 * keep under the 1 MB cap. They cost ~8× the CPU, which the sampled search (size-estimate.ts)
 * pays back.
 */
export async function encodeJpeg(raster: Raster, quality: number): Promise<Buffer> {
  return fromRaster(raster).jpeg({ quality, mozjpeg: true }).toBuffer()
}

/**
 * encodeJpeg without the progressive-scan optimisation: half the CPU, and 1–2 % larger, so a size
 * predicted with it errs on the safe side. Only used to estimate.
 */
export async function encodeJpegProbe(raster: Raster, quality: number): Promise<Buffer> {
  return fromRaster(raster)
    .jpeg({
      quality,
      trellisQuantisation: true,
      overshootDeringing: true,
      quantisationTable: 3,
      progressive: true,
    })
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
