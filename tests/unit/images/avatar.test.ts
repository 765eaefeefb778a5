import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/errors'
import { fitAvatar } from '../../../electron/services/images/avatar'
import { expectUploadable, meanColour } from './assertions'

const GREEN = [0x1d, 0x6f, 0x42]

async function logo(width: number, height: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#1d6f42"/><text x="50%" y="60%" text-anchor="middle" font-size="${height / 3}" font-family="Noto Sans CJK SC, sans-serif" fill="#fff">青禾</text></svg>`
  return sharp(Buffer.from(svg)).png().toBuffer()
}

function expectNear(actual: number[], expected: number[], tolerance = 12): void {
  expected.forEach((value, i) => {
    expect(Math.abs((actual[i] ?? -999) - value)).toBeLessThanOrEqual(tolerance)
  })
}

const corner = { left: 0, top: 0, width: 40, height: 40 }

describe('fitAvatar', () => {
  let wide: Buffer
  beforeAll(async () => {
    wide = await logo(1200, 500)
  })

  it('pads a wide logo to an exactly 800×800 JPEG on white', async () => {
    const result = await fitAvatar(wide, 'pad')
    const meta = await expectUploadable(result)
    expect(meta.format).toBe('jpeg')
    expect([result.width, result.height]).toEqual([800, 800])
    expectNear(await meanColour(result.data, corner), [255, 255, 255], 3)
    expectNear(await meanColour(result.data, { left: 0, top: 390, width: 40, height: 20 }), GREEN)
  })

  it('pads with the picture’s own edge colour', async () => {
    const result = await fitAvatar(wide, 'pad', 'edge')
    await expectUploadable(result)
    expectNear(await meanColour(result.data, corner), GREEN)
  })

  it('pads with an explicit colour', async () => {
    const result = await fitAvatar(wide, 'pad', '#ff0000')
    expectNear(await meanColour(result.data, corner), [255, 0, 0], 16)
  })

  it('crops to the centre without padding', async () => {
    const result = await fitAvatar(wide, 'crop')
    await expectUploadable(result)
    expect([result.width, result.height]).toEqual([800, 800])
    expectNear(await meanColour(result.data, corner), GREEN)
  })

  it('also crops on the attention region', async () => {
    const result = await fitAvatar(await logo(600, 1400), 'crop', 'white', {
      position: 'attention',
    })
    expect([result.width, result.height]).toEqual([800, 800])
  })

  it('enlarges a small logo and flattens transparency onto the background', async () => {
    const transparent = await sharp({
      create: { width: 200, height: 120, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer()
    const result = await fitAvatar(transparent, 'crop')
    await expectUploadable(result)
    expectNear(
      await meanColour(result.data, { left: 300, top: 300, width: 200, height: 200 }),
      [255, 255, 255],
    )
  })

  it('applies EXIF orientation and strips the EXIF', async () => {
    const tall = await sharp(await logo(1200, 500))
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer()
    const result = await fitAvatar(tall, 'pad')
    await expectUploadable(result)
    // Shown rotated: a tall logo, so the padding is left and right, not top and bottom.
    expectNear(await meanColour(result.data, { left: 380, top: 0, width: 40, height: 40 }), GREEN)
    expectNear(await meanColour(result.data, corner), [255, 255, 255], 3)
  })

  it('rejects a malformed background and an undecodable file', async () => {
    await expect(fitAvatar(wide, 'pad', '#12345')).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    })
    const error: unknown = await fitAvatar(Buffer.from('nope'), 'pad').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('FILE_REJECTED')
  })
})
