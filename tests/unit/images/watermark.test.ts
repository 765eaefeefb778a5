import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { watermarkIdCopy, ID_COPY_WATERMARK } from '../../../electron/services/images/watermark'
import {
  WATERMARK_FONTS,
  escapeXml,
  watermarkSvg,
} from '../../../electron/services/images/watermark-svg'
import { expectNoMetadata } from './assertions'

/** A light ID card with a dark 18-digit number along the bottom, like the real front side. */
async function idCard(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="630"><rect width="1000" height="630" fill="#e8eef2"/><g font-family="Noto Sans CJK SC, sans-serif" fill="#111"><text x="60" y="110" font-size="34">姓名 张三</text><text x="60" y="540" font-size="40">公民身份号码 110101199003074514</text></g></svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 92 }).toBuffer()
}

async function grey(image: Buffer): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(image).greyscale().raw().toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height }
}

describe('watermarkIdCopy', () => {
  let card: Buffer
  let marked: Buffer
  beforeAll(async () => {
    card = await idCard()
    marked = await watermarkIdCopy(card)
  })

  it('keeps the size, differs from the input, and carries no metadata', async () => {
    const meta = await sharp(marked).metadata()
    expect([meta.width, meta.height]).toEqual([1000, 630])
    expect(marked.equals(card)).toBe(false)
    expectNoMetadata(meta)
  })

  it('is light and sparse: the marks touch a minority of pixels, faintly', async () => {
    const [before, after] = await Promise.all([grey(card), grey(marked)])
    let changed = 0
    let total = 0
    for (let i = 0; i < before.data.length; i++) {
      const delta = Math.abs((before.data[i] ?? 0) - (after.data[i] ?? 0))
      total += delta
      if (delta > 8) changed++
    }
    const share = changed / before.data.length
    expect(share).toBeGreaterThan(0.03)
    expect(share).toBeLessThan(0.35)
    // The strongest change is a 30 % blend, never an opaque stroke.
    expect(total / before.data.length).toBeLessThan(20)
  })

  it('leaves the number readable: its dark strokes stay dark', async () => {
    const [before, after] = await Promise.all([grey(card), grey(marked)])
    let strokes = 0
    for (let y = 500; y < 555; y++) {
      for (let x = 300; x < 900; x++) {
        const i = y * before.width + x
        if ((before.data[i] ?? 255) < 60) {
          strokes++
          expect(after.data[i]).toBeLessThan(110)
        }
      }
    }
    expect(strokes).toBeGreaterThan(1000)
  })

  it('follows EXIF orientation', async () => {
    const rotated = await sharp(card).withMetadata({ orientation: 6 }).jpeg().toBuffer()
    const meta = await sharp(await watermarkIdCopy(rotated)).metadata()
    expect([meta.width, meta.height]).toEqual([630, 1000])
  })

  it('uses light marks on a dark photo', async () => {
    const dark = await sharp({
      create: { width: 800, height: 500, channels: 3, background: '#202020' },
    })
      .jpeg()
      .toBuffer()
    const before = (await sharp(dark).stats()).channels[0]?.mean ?? 0
    const after = (await sharp(await watermarkIdCopy(dark)).stats()).channels[0]?.mean ?? 0
    expect(after).toBeGreaterThan(before + 2)
  })
})

describe('watermark SVG', () => {
  it('renders Chinese glyphs, not tofu boxes', async () => {
    // Missing glyphs all render as the same .notdef box; real glyphs differ from one another.
    const render = (char: string): Promise<Buffer> =>
      sharp(
        Buffer.from(
          `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96"><rect width="96" height="96" fill="#fff"/><text x="8" y="80" font-size="80" font-family="${WATERMARK_FONTS}">${char}</text></svg>`,
        ),
      )
        .greyscale()
        .raw()
        .toBuffer()
    const glyphs = await Promise.all(['仅', '限', '聚', '光'].map(render))
    for (let i = 1; i < glyphs.length; i++) {
      expect(glyphs[i]?.equals(glyphs[0] ?? Buffer.alloc(0))).toBe(false)
    }
    const ink = (glyphs[0] ?? Buffer.alloc(0)).filter((v) => v < 128).length
    expect(ink).toBeGreaterThan(200)
  })

  it('escapes the text and tiles it across the whole image', () => {
    expect(escapeXml(`<a & "b">`)).toBe('&#60;a &#38; &#34;b&#34;&#62;')
    const svg = watermarkSvg(1000, 630, '仅限<测试>', { fill: '#3c3c3c', opacity: 0.3 })
    expect(svg).not.toContain('<测试>')
    expect(svg).toContain('rotate(-30')
    expect(svg.match(/<text /g)?.length).toBeGreaterThan(8)
    expect(ID_COPY_WATERMARK).toBe('仅限小红书聚光平台资质认证使用')
  })
})
