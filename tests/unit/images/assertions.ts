import sharp, { type Metadata } from 'sharp'
import { expect } from 'vitest'
import { MAX_UPLOAD_BYTES } from '../../../electron/services/images/limits'
import type { FitResult } from '../../../electron/services/images/types'

/** What every exported image must satisfy, checked on the bytes themselves. */
export async function expectUploadable(result: FitResult): Promise<Metadata> {
  expect(result.bytes).toBe(result.data.length)
  expect(result.data.length).toBeLessThanOrEqual(MAX_UPLOAD_BYTES)
  const meta = await sharp(result.data).metadata()
  expect(meta.format).toBe(result.format)
  expect(['jpeg', 'png']).toContain(meta.format)
  expect([meta.width, meta.height]).toEqual([result.width, result.height])
  expectNoMetadata(meta)
  return meta
}

export function expectNoMetadata(meta: Metadata): void {
  expect(meta.exif, 'EXIF (and with it GPS) must be gone').toBeUndefined()
  expect(meta.orientation).toBeUndefined()
  expect(meta.icc, 'no ICC profile: pixels are sRGB').toBeUndefined()
  expect(meta.xmp).toBeUndefined()
  expect(meta.iptc).toBeUndefined()
}

/** The mean colour of a rectangle of an encoded image. (sharp's stats() ignores extract().) */
export async function meanColour(
  image: Buffer,
  region: { left: number; top: number; width: number; height: number },
): Promise<number[]> {
  const { data, info } = await sharp(image)
    .extract(region)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  const sums: number[] = new Array<number>(info.channels).fill(0)
  data.forEach((value, i) => {
    sums[i % info.channels] = (sums[i % info.channels] ?? 0) + value
  })
  const pixels = info.width * info.height
  return sums.map((sum) => Math.round(sum / pixels))
}
