import { encodeJpeg, encodePng, resizeRaster } from './encode'
import type { Raster } from './raster'

/**
 * A sample tile: one 16-row MCU row of 4:2:0 JPEG high, four MCUs wide. JPEG codes every MCU on
 * its own (only the DC term is predicted from the MCU before), so tiles cut on MCU boundaries and
 * stitched cost about what they cost in place; a stitched edge costs a few DC bits, so the
 * estimate errs high, on the safe side.
 */
export const TILE_ROWS = 16
export const TILE_COLUMNS = 64
/** Tiles per row of the stitched sample (1024 px wide). */
const TILES_PER_ROW = 16

/** About this many pixels are encoded per estimate, whatever the image's size. */
const SAMPLE_PIXELS = 1_000_000

/**
 * Many small tiles from all over the picture, stitched into one small picture: a cheap stand-in
 * for the whole page. Whole-width bands were too few to average out a page's structure (text
 * lines against margins): a 1 MP sample of 16 bands missed by 17 %; ~1000 tiles see every part
 * of it. One tile is taken from each of `count` equal runs of the picture's tiles (stratified),
 * at a position that moves along a low-discrepancy sequence, so it does not alias with content
 * that repeats down the page; the positions are fixed, so an estimate is repeatable.
 * Returns the raster itself when it is no bigger than the sample would be.
 */
export function sampleTiles(raster: Raster, samplePixels = SAMPLE_PIXELS): Raster {
  const rows = Math.floor(raster.height / TILE_ROWS)
  const columns = Math.floor(raster.width / TILE_COLUMNS)
  const tiles = rows * columns
  const perRow = Math.min(TILES_PER_ROW, columns)
  // Narrower than a tile, or too small to be worth sampling: the estimate encodes it whole.
  if (perRow === 0 || rows === 0) return raster
  const count = Math.floor(samplePixels / (TILE_ROWS * TILE_COLUMNS * perRow)) * perRow
  if (count <= 0 || count * 2 > tiles) return raster
  const channels = raster.channels
  const tileRowBytes = TILE_COLUMNS * channels
  const sourceRowBytes = raster.width * channels
  const width = perRow * TILE_COLUMNS
  const height = (count / perRow) * TILE_ROWS
  const data = Buffer.allocUnsafe(width * height * channels)
  for (let k = 0; k < count; k++) {
    const index = Math.min(tiles - 1, Math.floor(((k + lowDiscrepancy(k)) * tiles) / count))
    const sourceTop = Math.floor(index / columns) * TILE_ROWS
    const sourceLeft = (index % columns) * TILE_COLUMNS
    const top = Math.floor(k / perRow) * TILE_ROWS
    const left = (k % perRow) * TILE_COLUMNS
    for (let y = 0; y < TILE_ROWS; y++) {
      const from = (sourceTop + y) * sourceRowBytes + sourceLeft * channels
      raster.data.copy(data, ((top + y) * width + left) * channels, from, from + tileRowBytes)
    }
  }
  return { data, width, height, channels }
}

/** k·φ mod 1: spreads the tiles' positions within their runs evenly and without a period. */
function lowDiscrepancy(k: number): number {
  return (k * 0.618_033_988_749_895) % 1
}

/**
 * Predicts encoded sizes from a sample of the picture. JPEG bytes are additive over MCU rows, so a
 * ~1 MP sample predicts a 12 MP encode within a few per cent at ~1/12 of the CPU. The search runs on these estimates; only the chosen candidate is encoded in
 * full, and checked. Small pictures are sampled at stride 1, so their estimate is exact.
 */
export class SizeEstimator {
  private readonly jpegCache = new Map<string, Promise<number>>()
  private resized: { side: number; rasters: Promise<{ full: Raster; sample: Raster }> } | undefined

  constructor(private readonly source: Raster) {}

  /** Concurrent calls are welcome: each probe is one libuv task, so two run on two cores. */
  jpeg(side: number, quality: number): Promise<number> {
    const key = `${side}:${quality}`
    const cached = this.jpegCache.get(key)
    if (cached !== undefined) return cached
    const estimate = this.at(side).then(async ({ full, sample }) => {
      const bytes = (await encodeJpeg(sample, quality)).length
      return Math.round(bytes * scaleOf(full, sample))
    })
    this.jpegCache.set(key, estimate)
    return estimate
  }

  /** Lossless size at full resolution, estimated the same way. */
  async png(side: number): Promise<number> {
    const { full, sample } = await this.at(side)
    const bytes = (await encodePng(sample)).length
    return Math.round(bytes * scaleOf(full, sample))
  }

  /** The raster at this long side, for the final encodes. */
  async raster(side: number): Promise<Raster> {
    return (await this.at(side)).full
  }

  // Only the latest size is kept: the search moves through sizes one way, and a 12 MP raster is
  // 36 MB.
  private at(side: number): Promise<{ full: Raster; sample: Raster }> {
    if (this.resized?.side !== side) {
      const rasters = resizeRaster(this.source, side).then((full) => ({
        full,
        sample: sampleTiles(full),
      }))
      this.resized = { side, rasters }
    }
    return this.resized.rasters
  }
}

/** How many times more pixels the picture has than its sample. */
function scaleOf(full: Raster, sample: Raster): number {
  return (full.width * full.height) / (sample.width * sample.height)
}
