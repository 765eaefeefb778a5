import { readFileSync } from 'node:fs'
import { crc32, deflateSync } from 'node:zlib'
import { createRequire } from 'node:module'
import fontkit from '@cantoo/fontkit'
import { PDFDocument, rgb } from '@cantoo/pdf-lib'
import sharp, { type Sharp } from 'sharp'

/**
 * Every file the import tests need, generated on the fly (no binary fixtures
 * in the repository). Sizes stay small so the suite is fast.
 */

const WHITE = { r: 255, g: 255, b: 255 }

/** A flat-colour image of the given size. */
export function solid(
  width: number,
  height: number,
  colour: { r: number; g: number; b: number } = WHITE,
): Sharp {
  return sharp({ create: { width, height, channels: 3, background: colour } })
}

/** A colourful gradient (clearly colour, detailed enough to exercise decoders). */
export function colourImage(width: number, height: number): Sharp {
  const pixels = Buffer.alloc(width * height * 3)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3
      pixels[i] = Math.round((255 * x) / width)
      pixels[i + 1] = Math.round((255 * y) / height)
      pixels[i + 2] = 128
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
}

/** Deterministic pseudo-random numbers, so fixtures are the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 0x1_0000_0000
  }
}

/**
 * A greyscale scan saved as RGB: text-like dark bars on grey paper with grain,
 * plus faint per-channel sensor noise, JPEG-compressed (4:2:0).
 */
export async function greyScanJpeg(width = 800, height = 1100): Promise<Buffer> {
  const next = random(42)
  const pixels = Buffer.alloc(width * height * 3)
  for (let y = 0; y < height; y++) {
    const textLine = y % 40 < 12 && y > 60 && y < height - 60
    for (let x = 0; x < width; x++) {
      const ink = textLine && x > 60 && x < width - 60 && next() < 0.6
      const base = (ink ? 40 : 225) + Math.round((next() - 0.5) * 30)
      const i = (y * width + x) * 3
      for (let c = 0; c < 3; c++) {
        const value = base + Math.round((next() - 0.5) * 8)
        pixels[i + c] = Math.max(0, Math.min(255, value))
      }
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 75 })
    .toBuffer()
}

/** A white A4-ish page with grey "text" and one small red seal (about 5 % of the width). */
export async function sealPageJpeg(width = 1240, height = 1754): Promise<Buffer> {
  const lines = Array.from(
    { length: 30 },
    (_, i) => `<rect x="120" y="${200 + i * 40}" width="${width - 240}" height="10" fill="#333"/>`,
  ).join('')
  const r = Math.round(width * 0.025)
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    ${lines}
    <circle cx="${width - 250}" cy="${height - 250}" r="${r}" fill="none" stroke="#d0201c" stroke-width="5"/>
    <text x="${width - 250}" y="${height - 245}" font-size="${r * 0.6}" fill="#d0201c" text-anchor="middle">章</text>
  </svg>`
  return solid(width, height)
    .composite([{ input: Buffer.from(svg) }])
    .jpeg({ quality: 85 })
    .toBuffer()
}

/** A JPEG whose EXIF orientation says "rotate 90° clockwise" (6): stored 300×200, shown 200×300. */
export function rotatedJpeg(): Promise<Buffer> {
  return colourImage(300, 200).jpeg().withMetadata({ orientation: 6 }).toBuffer()
}

export function pngBytes(width = 120, height = 80): Promise<Buffer> {
  return colourImage(width, height).png().toBuffer()
}

/** The first `fraction` of a JPEG: the end of the scan data and the EOI marker are missing. */
export async function truncatedJpeg(fraction = 0.6): Promise<Buffer> {
  const whole = await colourImage(400, 300).jpeg({ quality: 90 }).toBuffer()
  return whole.subarray(0, Math.floor(whole.length * fraction))
}

function chunkOffset(png: Buffer, type: string): number {
  const at = png.indexOf(type, 8, 'latin1')
  if (at < 4) throw new Error(`no ${type} chunk`)
  return at - 4
}

/**
 * A PNG with one bit flipped in the middle of its compressed pixel data
 * (IDAT). With `fixCrc` the chunk's CRC is recomputed, so only a full decode
 * of the pixel data (not a checksum or header check) can notice.
 */
export async function bitFlippedPng(fixCrc = false): Promise<Buffer> {
  const png = Buffer.from(await colourImage(200, 150).png({ compressionLevel: 9 }).toBuffer())
  const start = chunkOffset(png, 'IDAT')
  const length = png.readUInt32BE(start)
  const at = start + 8 + Math.floor(length / 2)
  png[at] = (png[at] ?? 0) ^ 0x10
  if (fixCrc)
    png.writeUInt32BE(crc32(png.subarray(start + 4, start + 8 + length)) >>> 0, start + 8 + length)
  return png
}

/**
 * A valid-looking 30000×30000 PNG (900 megapixels) that costs a few bytes:
 * a correct IHDR with its CRC, a tiny IDAT, IEND. A decoder that trusts the
 * header would try to allocate 2.7 GB.
 */
export function pngBomb(width = 30_000, height = 30_000): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
    const out = Buffer.alloc(8 + data.length + 4)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc32(body) >>> 0, 8 + data.length)
    return out
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 2 // truecolour
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(1024))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** The start of a 64-bit Linux executable (ELF header), padded. */
export function elfBytes(): Buffer {
  const header = Buffer.alloc(256)
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]).copy(header, 0)
  header.writeUInt16LE(2, 16) // ET_EXEC
  header.writeUInt16LE(0x3e, 18) // x86-64
  header.writeUInt32LE(1, 20)
  return header
}

/** The `ftyp` box an iPhone HEIC photo starts with, padded. */
export function heicBytes(): Buffer {
  const bytes = Buffer.alloc(256)
  bytes.writeUInt32BE(24, 0)
  bytes.write('ftypheic', 4, 'latin1')
  bytes.write('mif1heic', 16, 'latin1')
  return bytes
}

/** A minimal ZIP (one stored empty entry), the container of docx/xlsx too. */
export function zipBytes(): Buffer {
  const local = Buffer.alloc(30 + 5)
  local.writeUInt32LE(0x04034b50, 0)
  local.writeUInt16LE(20, 4)
  local.writeUInt16LE(5, 26)
  local.write('a.txt', 30, 'latin1')
  return Buffer.concat([local, Buffer.alloc(64)])
}

/** Noto Sans SC (a devDependency, OFL): real CJK glyphs embedded as a subset. */
const NOTO_SANS_SC = createRequire(__filename).resolve(
  '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
)

/** A PDF of A4 pages, each showing one image filling most of the page, optionally CJK text. */
export async function pdfWithImages(
  images: Buffer[],
  options: { cjkText?: string; encrypt?: { userPassword?: string; ownerPassword: string } } = {},
): Promise<Buffer> {
  const doc = await PDFDocument.create()
  for (const image of images) {
    const page = doc.addPage([595, 842])
    const embedded = await doc.embedJpg(image)
    const fit = embedded.scaleToFit(495, 600)
    page.drawImage(embedded, { x: 50, y: 842 - 100 - fit.height, ...fit })
  }
  if (options.cjkText !== undefined) {
    doc.registerFontkit(fontkit)
    const font = await doc.embedFont(readFileSync(NOTO_SANS_SC), { subset: true })
    const page = doc.addPage([595, 842])
    page.drawText(options.cjkText, { x: 50, y: 700, size: 36, font, color: rgb(0, 0, 0) })
  }
  if (options.encrypt) doc.encrypt(options.encrypt)
  return Buffer.from(await doc.save())
}

/** A PDF with `pages` blank A4 pages. */
export async function blankPdf(pages: number): Promise<Buffer> {
  const doc = await PDFDocument.create()
  for (let i = 0; i < pages; i++) doc.addPage([595, 842])
  return Buffer.from(await doc.save())
}

/** A multi-page TIFF (a fax-style scan), one flat page per colour. */
export async function multiPageTiff(
  colours: { r: number; g: number; b: number }[],
): Promise<Buffer> {
  const pages = await Promise.all(colours.map((c) => solid(100, 140, c).png().toBuffer()))
  return sharp(pages, { join: { animated: true } })
    .tiff()
    .toBuffer()
}

/** A PDF whose one page is 200 × 200 inches: 829 megapixels at 144 dpi. */
export async function hugePagePdf(): Promise<Buffer> {
  const doc = await PDFDocument.create()
  doc.addPage([14_400, 14_400])
  return Buffer.from(await doc.save())
}
