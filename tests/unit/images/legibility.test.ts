import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { fitToUpload } from '../../../electron/services/images/fit'
import { LEGIBILITY_FLOOR } from '../../../electron/services/images/limits'
import { loadEngine } from '../../../electron/services/reading/ocr-engine'
import { expectUploadable } from './assertions'
import { colourScan } from './fixtures'

/**
 * The legibility floor, measured (issue 14): a noisy portrait scan of the compress bench's kind,
 * with characters ~22 px high (五号 at 150 dpi; the bench's are twice that), encoded at the floor
 * quality, must read the same to PaddleOCR as the original. At q3 the same check found 1 number
 * in 7 (tried when the floor was set), so it does tell legible from not. What is compared is every 9-digit number
 * (the fixture's registration numbers, the text a reviewer checks digit by digit) found in a band
 * of text lines, cut at the same place from the original and from the output.
 */
const NINE_DIGITS = /\d{9}/gu

async function numbersIn(image: Buffer, width: number, height: number): Promise<string[]> {
  // The lines' starts ("第 123456789 号 …") in the top fifth of the text body, at the original's
  // size (the output is scaled back if it was shrunk).
  const band = await sharp(image)
    .resize({ width, height, fit: 'fill' })
    .extract({
      left: 0,
      top: Math.round(height * 0.16),
      width: Math.round(width * 0.33),
      height: Math.round(height * 0.2),
    })
    .png()
    .toBuffer()
  const engine = await loadEngine()
  const lines = await engine.detect(band)
  return lines.flatMap((line) => line.text.replace(/\s+/gu, '').match(NINE_DIGITS) ?? [])
}

describe('the quality floor keeps a noisy scan legible', () => {
  it('reads the same registration numbers from the output as from the original', async () => {
    const width = 3000
    const height = 4000
    const original = await colourScan({ width, height, grain: 30, seed: 7, textScale: 0.5 })
    // Held at the floor: the lowest quality the search may ever choose, at full size.
    const floor = LEGIBILITY_FLOOR.minQuality
    const result = await fitToUpload(original, { maxQuality: floor })
    await expectUploadable(result)
    expect([result.width, result.height, result.quality]).toEqual([width, height, floor])

    const before = await numbersIn(original, width, height)
    const after = await numbersIn(result.data, width, height)
    expect(before.length).toBeGreaterThanOrEqual(8)
    const found = before.filter((number) => after.includes(number))
    expect(found.length / before.length).toBeGreaterThanOrEqual(0.95)
  }, 300_000)
})
