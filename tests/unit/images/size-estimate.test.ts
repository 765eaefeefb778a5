import { beforeAll, describe, expect, it } from 'vitest'
import { encodeJpeg } from '../../../electron/services/images/encode'
import { loadRaster, type Raster } from '../../../electron/services/images/raster'
import {
  COARSE_SAMPLE_PIXELS,
  SizeEstimator,
  TILE_COLUMNS,
  TILE_ROWS,
  sampleTiles,
} from '../../../electron/services/images/size-estimate'
import { colourScan } from './fixtures'

function raster(width: number, height: number): Raster {
  const data = Buffer.alloc(width * height * 3)
  // Each row holds its own index, so a sample shows which rows it took.
  for (let y = 0; y < height; y++) data.fill(y % 256, y * width * 3, (y + 1) * width * 3)
  return { data, width, height, channels: 3 }
}

describe('sampleTiles', () => {
  it('stitches whole MCU tiles taken from all over the picture', () => {
    // 4096×3200: 64 columns × 200 rows of tiles; each pixel holds its tile row's index.
    const width = 4096
    const height = 3200
    const data = Buffer.alloc(width * height * 3)
    for (let y = 0; y < height; y++) {
      data.fill(Math.floor(y / TILE_ROWS), y * width * 3, (y + 1) * width * 3)
    }
    const sample = sampleTiles({ data, width, height, channels: 3 }, 250_000)
    expect(sample.width).toBe(16 * TILE_COLUMNS)
    expect(sample.height % TILE_ROWS).toBe(0)
    expect(sample.data.length).toBe(sample.width * sample.height * 3)
    const tileRows: number[] = []
    for (let top = 0; top < sample.height; top += TILE_ROWS) {
      for (let left = 0; left < sample.width; left += TILE_COLUMNS) {
        const at = (y: number): number => sample.data[((top + y) * sample.width + left) * 3] ?? -1
        // A whole tile: its 16 rows come from one MCU row of the source.
        expect(at(TILE_ROWS - 1)).toBe(at(0))
        tileRows.push(at(0))
      }
    }
    // From the top quarter to the bottom quarter, in order, without a fixed period.
    expect(Math.min(...tileRows)).toBeLessThan(50)
    expect(Math.max(...tileRows)).toBeGreaterThan(150)
    expect(tileRows).toEqual([...tileRows].sort((x, y) => x - y))
    expect(new Set(tileRows).size).toBeGreaterThan(100)
  })

  it('returns the raster itself when it is no bigger than a sample', () => {
    const source = raster(100, 200)
    expect(sampleTiles(source)).toBe(source)
  })
})

describe('SizeEstimator', () => {
  let scan: Raster
  beforeAll(async () => {
    const input = await colourScan({ width: 4000, height: 3000, seed: 11 })
    scan = (await loadRaster(input, { maxLongSide: 7016, limitInputPixels: 1e8 })).raster
  }, 60_000)

  it('predicts a 12 MP encode within 4 %, erring high', async () => {
    const estimator = new SizeEstimator(scan)
    for (const [side, quality] of [
      [4000, 21],
      [4000, 80],
      [3000, 40],
    ] as const) {
      const estimate = await estimator.jpeg(side, quality)
      const actual = (await encodeJpeg(await estimator.raster(side), quality)).length
      expect(actual / estimate).toBeGreaterThan(0.96)
      expect(actual / estimate).toBeLessThan(1.01)
    }
  }, 60_000)

  it('sees a portrait page whose text lines repeat down the page (no aliasing)', async () => {
    const input = await colourScan({ width: 3000, height: 4000, grain: 14, seed: 101 })
    const portrait = (await loadRaster(input, { maxLongSide: 7016, limitInputPixels: 1e8 })).raster
    const estimator = new SizeEstimator(portrait)
    const estimate = await estimator.jpeg(4000, 21)
    const actual = (await encodeJpeg(portrait, 21)).length
    expect(actual / estimate).toBeGreaterThan(0.96)
    expect(actual / estimate).toBeLessThan(1.01)
  }, 60_000)

  it('errs slightly high for pictures small enough to encode whole', async () => {
    const estimator = new SizeEstimator(scan)
    const estimate = await estimator.jpeg(1200, 75)
    const actual = (await encodeJpeg(await estimator.raster(1200), 75)).length
    expect(estimate).toBeGreaterThanOrEqual(actual)
    expect(estimate / actual).toBeLessThan(1.05)
  }, 60_000)

  describe('with a budget: coarse sample first, the fine one for close calls', () => {
    /** What an estimate on a sample of `pixels` gives for the 12 MP scan at full size. */
    const onSample = async (pixels: number, quality: number): Promise<number> => {
      const sample = sampleTiles(scan, pixels)
      const bytes = (await encodeJpeg(sample, quality)).length
      return Math.round((bytes * scan.width * scan.height) / (sample.width * sample.height))
    }

    it('settles a candidate far from the budget on the coarse sample, within 10 %', async () => {
      // The scan at q21 is ~0.9 MB: against a 5 MB budget that is far below.
      const estimator = new SizeEstimator(scan, { budget: 5_000_000 })
      const estimate = await estimator.jpeg(4000, 21)
      expect(estimate).toBe(await onSample(COARSE_SAMPLE_PIXELS, 21))
      expect(estimate).not.toBe(await onSample(1_000_000, 21))
      const actual = (await encodeJpeg(scan, 21)).length
      expect(estimate / actual).toBeGreaterThan(0.95)
      expect(estimate / actual).toBeLessThan(1.1)
    }, 60_000)

    it('refines a close call on the fine sample, and stays on it', async () => {
      const withBudget = new SizeEstimator(scan, { budget: 1_000_000 })
      const without = new SizeEstimator(scan)
      expect(await withBudget.jpeg(4000, 21)).toBe(await without.jpeg(4000, 21))
      // Far above the budget, but the search is near the boundary now: fine as well.
      expect(await withBudget.jpeg(4000, 90)).toBe(await without.jpeg(4000, 90))
    }, 60_000)
  })
})
