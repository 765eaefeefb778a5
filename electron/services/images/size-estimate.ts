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

/** The coarse sample: ~1/4 of the CPU of the fine one, and +2–10 % high on our fixtures. */
export const COARSE_SAMPLE_PIXELS = 250_000

/**
 * Estimates this close to the budget (as a share of it) are refined on the fine sample; outside
 * it the coarse one's error (≤ 10 %) cannot change which side of the budget a candidate is on.
 */
const CLOSE_CALL = { below: 0.6, above: 1.6 }

export interface EstimatorOptions {
  /**
   * The budget the estimates are compared with. With it, each size is probed on a coarse sample
   * first and on the fine one only when the coarse estimate is a close call; once one is, every
   * later probe goes to the fine sample directly (the search is then near the boundary).
   */
  budget?: number
}

interface Resized {
  full: Raster
  fine: () => Raster
  coarse: () => Raster
}

/**
 * Predicts encoded sizes from a sample of the picture. JPEG bytes are additive over MCU rows, so a
 * ~1 MP sample predicts a 12 MP encode within a few per cent at ~1/12 of the CPU. The search runs
 * on these estimates; only the chosen candidate is encoded in full, and checked. Small pictures are
 * sampled at stride 1, so their estimate is exact. A picture far from the budget (a clean page
 * that fits at the top quality several times over) is settled on a ~0.25 MP sample instead.
 */
export class SizeEstimator {
  private readonly jpegCache = new Map<string, Promise<number>>()
  private resized: { side: number; rasters: Promise<Resized> } | undefined
  /** A coarse estimate was a close call: the fine sample from now on. */
  private near = false

  constructor(
    private readonly source: Raster,
    private readonly options: EstimatorOptions = {},
  ) {}

  /** Concurrent calls are welcome: each probe is one libuv task, so two run on two cores. */
  jpeg(side: number, quality: number): Promise<number> {
    const key = `${side}:${quality}`
    const cached = this.jpegCache.get(key)
    if (cached !== undefined) return cached
    const estimate = this.at(side).then(async (resized) => {
      const { budget } = this.options
      if (budget !== undefined && !this.near) {
        const coarse = await estimateOn(resized.full, resized.coarse(), quality)
        if (coarse < budget * CLOSE_CALL.below || coarse > budget * CLOSE_CALL.above) return coarse
        this.near = true
      }
      return estimateOn(resized.full, resized.fine(), quality)
    })
    this.jpegCache.set(key, estimate)
    return estimate
  }

  /** Lossless size at full resolution, estimated the same way. */
  async png(side: number): Promise<number> {
    const { full, fine } = await this.at(side)
    const sample = fine()
    const bytes = (await encodePng(sample)).length
    return Math.round(bytes * scaleOf(full, sample))
  }

  /** The raster at this long side, for the final encodes. */
  async raster(side: number): Promise<Raster> {
    return (await this.at(side)).full
  }

  // Only the latest size is kept: the search moves through sizes one way, and a 12 MP raster is
  // 36 MB. Each sample is cut on first use.
  private at(side: number): Promise<Resized> {
    if (this.resized?.side !== side) {
      const rasters = resizeRaster(this.source, side).then((full) => ({
        full,
        fine: once(() => sampleTiles(full)),
        coarse: once(() => sampleTiles(full, COARSE_SAMPLE_PIXELS)),
      }))
      this.resized = { side, rasters }
    }
    return this.resized.rasters
  }
}

async function estimateOn(full: Raster, sample: Raster, quality: number): Promise<number> {
  const bytes = (await encodeJpeg(sample, quality)).length
  return Math.round(bytes * scaleOf(full, sample))
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined
  return () => (made ??= { value: make() }).value
}

/** How many times more pixels the picture has than its sample. */
function scaleOf(full: Raster, sample: Raster): number {
  return (full.width * full.height) / (sample.width * sample.height)
}
