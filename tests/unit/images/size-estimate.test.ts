import { beforeAll, describe, expect, it } from 'vitest'
import { encodeJpeg } from '../../../electron/services/images/encode'
import { loadRaster, type Raster } from '../../../electron/services/images/raster'
import {
  BAND_ROWS,
  SizeEstimator,
  sampleBands,
  sampleStride,
} from '../../../electron/services/images/size-estimate'
import { colourScan } from './fixtures'

function raster(width: number, height: number): Raster {
  const data = Buffer.alloc(width * height * 3)
  // Each row holds its own index, so a sample shows which rows it took.
  for (let y = 0; y < height; y++) data.fill(y % 256, y * width * 3, (y + 1) * width * 3)
  return { data, width, height, channels: 3 }
}

describe('sampleBands', () => {
  it('takes every stride-th band of whole MCU rows', () => {
    const source = raster(10, 200)
    const sample = sampleBands(source, 4)
    expect(sample.width).toBe(10)
    // Bands start at rows 0, 64, 128, 192 (the last one cut short at 200).
    expect(sample.height).toBe(BAND_ROWS * 3 + 8)
    expect(sample.data.length).toBe(sample.height * 10 * 3)
    expect(sample.data[0]).toBe(0)
    expect(sample.data[BAND_ROWS * 30]).toBe(64)
  })

  it('returns the raster itself at stride 1', () => {
    const source = raster(10, 20)
    expect(sampleBands(source, 1)).toBe(source)
  })

  it('aims at ~2 MP per sample', () => {
    expect(sampleStride(raster(1000, 1000))).toBe(1)
    expect(sampleStride({ ...raster(1, 1), width: 4000, height: 3000 })).toBe(6)
  })
})

describe('SizeEstimator', () => {
  let scan: Raster
  beforeAll(async () => {
    const input = await colourScan({ width: 4000, height: 3000, seed: 11 })
    scan = (await loadRaster(input, { maxLongSide: 7016, limitInputPixels: 1e8 })).raster
  }, 60_000)

  it('predicts a 12 MP mozjpeg encode within 8 %', async () => {
    const estimator = new SizeEstimator(scan)
    for (const [side, quality] of [
      [4000, 80],
      [3000, 65],
    ] as const) {
      const estimate = await estimator.jpeg(side, quality)
      const actual = (await encodeJpeg(await estimator.raster(side), quality)).length
      expect(Math.abs(actual / estimate - 1)).toBeLessThan(0.08)
    }
  }, 60_000)

  it('errs slightly high for pictures small enough to encode whole', async () => {
    const estimator = new SizeEstimator(scan)
    const estimate = await estimator.jpeg(1200, 75)
    const actual = (await encodeJpeg(await estimator.raster(1200), 75)).length
    expect(estimate).toBeGreaterThanOrEqual(actual)
    expect(estimate / actual).toBeLessThan(1.05)
  }, 60_000)
})
