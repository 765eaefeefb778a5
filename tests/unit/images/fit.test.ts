import sharp, { type Sharp } from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { fitToUpload } from '../../../electron/services/images/fit'
import {
  LEGIBILITY_FLOOR,
  MAX_QUALITY,
  MAX_WORKING_LONG_SIDE,
} from '../../../electron/services/images/limits'
import { expectUploadable, meanColour } from './assertions'
import { colourScan, hasGpsPointer, hopelessNoise, phonePhoto, screenshot } from './fixtures'
import { refusalOf } from '../../helpers/app-error'

// Real 12 MP encodes on a 2-core machine: seconds each, not milliseconds.
const SLOW = 90_000

describe('fitToUpload: 12 MP colour scans', () => {
  const scans: { name: string; input: Buffer; width: number; height: number }[] = []

  beforeAll(async () => {
    scans.push(
      {
        name: 'clean landscape',
        input: await colourScan({ width: 4000, height: 3000, grain: 10 }),
        width: 4000,
        height: 3000,
      },
      {
        name: 'noisy portrait',
        input: await colourScan({ width: 3000, height: 4000, grain: 28, seed: 5 }),
        width: 3000,
        height: 4000,
      },
    )
  }, SLOW)

  it.each([0, 1])(
    'scan %i fits in 10^6 bytes, legibly, keeping its aspect ratio',
    async (index) => {
      const scan = scans[index]
      if (!scan) throw new Error('fixture missing')
      expect(scan.input.length).toBeGreaterThan(1_000_000)
      const result = await fitToUpload(scan.input)
      await expectUploadable(result)
      expect(result.format).toBe('jpeg')
      expect(Math.max(result.width, result.height)).toBeGreaterThanOrEqual(
        LEGIBILITY_FLOOR.minLongSide,
      )
      expect(result.quality).toBeGreaterThanOrEqual(LEGIBILITY_FLOOR.minQuality)
      expect(result.width / result.height).toBeCloseTo(scan.width / scan.height, 2)
      // The search uses the budget: a result far below it threw detail away for nothing.
      expect(result.bytes).toBeGreaterThan(800_000)
    },
    SLOW,
  )

  it(
    'gives the same file when its probes run one at a time (an export with every worker busy)',
    async () => {
      const scan = scans[1]
      if (!scan) throw new Error('fixture missing')
      const inPairs = await fitToUpload(scan.input)
      const oneAtATime = await fitToUpload(scan.input, { oneProbeAtATime: true })
      expect(oneAtATime.quality).toBe(inPairs.quality)
      expect(oneAtATime.data.equals(inPairs.data)).toBe(true)
    },
    SLOW,
  )
})

describe('fitToUpload: a phone photo', () => {
  it(
    'applies EXIF orientation 6 and strips EXIF, GPS and ICC',
    async () => {
      const photo = await phonePhoto()
      const before = await sharp(photo).metadata()
      expect(before.orientation).toBe(6)
      expect(hasGpsPointer(before.exif)).toBe(true)

      const result = await fitToUpload(photo)
      await expectUploadable(result)
      // Stored 4032×3024 landscape, shown portrait.
      expect(result.height).toBeGreaterThan(result.width)
      // The red mark of the stored top-left corner is now top-right, as a viewer shows it.
      const mark = Math.round((result.width / 3024) * 378 * 0.6)
      const topRight = await meanColour(result.data, {
        left: result.width - mark,
        top: 0,
        width: mark,
        height: mark,
      })
      const topLeft = await meanColour(result.data, { left: 0, top: 0, width: mark, height: mark })
      expect(topRight[0]).toBeGreaterThan(200)
      expect(topRight[1]).toBeLessThan(80)
      expect(topLeft[1]).toBeGreaterThan(150)
    },
    SLOW,
  )

  it('converts a wide-gamut (Display P3) picture to sRGB and drops the profile', async () => {
    const p3 = await sharp(await colourScan({ width: 1200, height: 900 }))
      .withIccProfile('p3')
      .jpeg()
      .toBuffer()
    expect((await sharp(p3).metadata()).icc).toBeDefined()
    const result = await fitToUpload(p3)
    await expectUploadable(result)
  })

  it('converts a CMYK JPEG to RGB', async () => {
    const cmyk = await sharp(await colourScan({ width: 1200, height: 900 }))
      .toColourspace('cmyk')
      .jpeg()
      .toBuffer()
    expect((await sharp(cmyk).metadata()).space).toBe('cmyk')
    const meta = await expectUploadable(await fitToUpload(cmyk))
    expect(meta.space).toBe('srgb')
    expect(meta.channels).toBe(3)
  })
})

describe('fitToUpload: other raster formats', () => {
  let scan: Buffer
  beforeAll(async () => {
    scan = await colourScan({ width: 1600, height: 1200, seed: 9 })
  })

  it.each([
    ['webp', (s: Sharp) => s.webp({ quality: 90 })],
    ['tiff', (s: Sharp) => s.tiff({ compression: 'lzw' })],
    ['gif', (s: Sharp) => s.gif()],
    ['png', (s: Sharp) => s.png()],
  ] as const)(
    'reads %s',
    async (format, encode) => {
      const input = await encode(sharp(scan)).toBuffer()
      expect((await sharp(input).metadata()).format).toBe(format)
      const result = await fitToUpload(input)
      await expectUploadable(result)
      expect([result.width, result.height]).toEqual([1600, 1200])
    },
    SLOW,
  )

  it('keeps a flat screenshot lossless as PNG when that is smaller', async () => {
    const input = await screenshot()
    const result = await fitToUpload(input)
    await expectUploadable(result)
    expect(result.format).toBe('png')
    expect(result.quality).toBeUndefined()
    const [a, b] = await Promise.all(
      [input, result.data].map((x) => sharp(x).removeAlpha().raw().toBuffer()),
    )
    expect(a?.equals(b ?? Buffer.alloc(0))).toBe(true)
  })

  it('puts transparent parts on white', async () => {
    const input = await sharp({
      create: { width: 400, height: 300, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer()
    const result = await fitToUpload(input, { allowPng: false })
    await expectUploadable(result)
    expect(await meanColour(result.data, { left: 0, top: 0, width: 400, height: 300 })).toEqual([
      255, 255, 255,
    ])
  })

  it('keeps a greyscale scan grey (one channel)', async () => {
    const grey = await sharp(scan).toColourspace('b-w').jpeg({ quality: 95 }).toBuffer()
    expect((await sharp(grey).metadata()).channels).toBe(1)
    const meta = await expectUploadable(await fitToUpload(grey))
    expect(meta.channels).toBe(1)
  })

  it(
    'honours a smaller byte budget',
    async () => {
      const result = await fitToUpload(scan, { maxBytes: 300_000 })
      expect(result.bytes).toBeLessThanOrEqual(300_000)
    },
    SLOW,
  )
})

describe('fitToUpload: refusals', () => {
  it(
    'refuses a 12000×9000 noise image that cannot fit legibly, within a reasonable time',
    async () => {
      const noise = await hopelessNoise(12000, 9000)
      const started = Date.now()
      const error = await refusalOf(fitToUpload(noise))
      expect(Date.now() - started).toBeLessThan(45_000)
      expect(error.code).toBe('FILE_REJECTED')
      expect(error.message).toContain('1 MB')
      expect(error.message).toContain('重新扫描')
      expect(error.message).toContain('拆分')
    },
    SLOW,
  )

  it('refuses bytes that are not an image', async () => {
    const error = await refusalOf(fitToUpload(Buffer.from('PK\u0003\u0004 not a picture')))
    expect(error.code).toBe('FILE_REJECTED')
    expect(error.message).toContain('无法读取')
  })

  it('refuses a picture over the pixel limit before decoding it', async () => {
    const big = await sharp({
      create: { width: 3000, height: 3000, channels: 3, background: '#fff' },
    })
      .png()
      .toBuffer()
    const error = await refusalOf(fitToUpload(big, { limitInputPixels: 4_000_000 }))
    expect(error.code).toBe('FILE_REJECTED')
    expect(error.message).toContain('像素')
  })
})

describe('fitToUpload: worst cases of the fast path (issue 14)', () => {
  it(
    'fits a noise-heavy 12 MP scan, keeping its pixels and the floor',
    async () => {
      const input = await colourScan({ width: 4000, height: 3000, grain: 45, seed: 21 })
      const result = await fitToUpload(input)
      await expectUploadable(result)
      expect(Math.max(result.width, result.height)).toBeGreaterThanOrEqual(
        LEGIBILITY_FLOOR.minLongSide,
      )
      expect(result.quality).toBeGreaterThanOrEqual(LEGIBILITY_FLOOR.minQuality)
      expect(result.bytes).toBeGreaterThan(800_000)
    },
    SLOW,
  )

  it(
    'fits a huge panorama within the working cap, aspect ratio kept',
    async () => {
      const input = await colourScan({ width: 12000, height: 2000, grain: 16, seed: 22 })
      const result = await fitToUpload(input)
      await expectUploadable(result)
      expect(Math.max(result.width, result.height)).toBeLessThanOrEqual(MAX_WORKING_LONG_SIDE)
      expect(result.width / result.height).toBeCloseTo(6, 1)
      expect(result.quality).toBeGreaterThanOrEqual(LEGIBILITY_FLOOR.minQuality)
    },
    SLOW,
  )

  it('keeps a tiny image as it is: same size, never enlarged, high quality', async () => {
    const input = await sharp({
      create: { width: 24, height: 16, channels: 3, background: '#c0392b' },
    })
      .jpeg({ quality: 90 })
      .toBuffer()
    const result = await fitToUpload(input)
    await expectUploadable(result)
    expect([result.width, result.height]).toEqual([24, 16])
    expect(result.quality).toBe(MAX_QUALITY)
  })

  it('reads a 16-bit PNG and keeps its colour (8-bit sRGB out)', async () => {
    const { data, info } = await sharp({
      create: { width: 1200, height: 900, channels: 3, background: '#1f6fb2' },
    })
      .composite([
        {
          input: { create: { width: 300, height: 300, channels: 3, background: '#d2232a' } },
          top: 300,
          left: 450,
        },
      ])
      .raw()
      .toBuffer({ resolveWithObject: true })
    const sixteen = await sharp(data, { raw: info }).toColourspace('rgb16').png().toBuffer()
    expect((await sharp(sixteen).metadata()).depth).toBe('ushort')
    const result = await fitToUpload(sixteen)
    const meta = await expectUploadable(result)
    expect(meta.depth).toBe('uchar')
    const seal = await meanColour(result.data, { left: 500, top: 350, width: 200, height: 200 })
    const paper = await meanColour(result.data, { left: 50, top: 50, width: 200, height: 200 })
    const red = [210, 35, 42]
    seal.forEach((channel, i) => expect(Math.abs(channel - (red[i] ?? 0))).toBeLessThanOrEqual(6))
    expect(paper[2] ?? 0).toBeGreaterThan((paper[0] ?? 0) + 100)
  })
})
