import { PDFDocument } from '@cantoo/pdf-lib'
import sharp from 'sharp'

function escapeXml(text: string): string {
  return text.replace(
    /[<>&"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] ?? c,
  )
}

/**
 * A synthetic document scan: paper-coloured page, title, a few lines of text
 * and (in colour) a red seal, so colour detection and compression behave as
 * on real scans.
 */
export async function fakeScan(
  title: string,
  lines: string[],
  options: { color?: boolean; width?: number; height?: number; format?: 'jpeg' | 'png' } = {},
): Promise<Buffer> {
  const width = options.width ?? 1240
  const height = options.height ?? 1754
  const color = options.color ?? true
  const text = lines
    .map(
      (line, i) =>
        `<text x="120" y="${420 + i * 70}" font-size="40" fill="#222">${escapeXml(line)}</text>`,
    )
    .join('')
  const seal = color
    ? `<circle cx="${width - 320}" cy="${height - 360}" r="150" fill="none" stroke="#d0212a" stroke-width="14"/>
       <text x="${width - 320}" y="${height - 345}" font-size="44" fill="#d0212a" text-anchor="middle">专用章</text>`
    : ''
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="${color ? '#fbf7ec' : '#f4f4f4'}"/>
    <rect x="60" y="60" width="${width - 120}" height="${height - 120}" fill="none" stroke="${color ? '#b48a3c' : '#777'}" stroke-width="8"/>
    <text x="${width / 2}" y="260" font-size="72" text-anchor="middle" fill="#111"
      font-family="Noto Sans CJK SC, Noto Sans SC, sans-serif">${escapeXml(title)}</text>
    <g font-family="Noto Sans CJK SC, Noto Sans SC, sans-serif">${text}${seal}</g>
  </svg>`
  let image = sharp(Buffer.from(svg))
  if (!color) image = image.grayscale()
  return options.format === 'png' ? image.png().toBuffer() : image.jpeg({ quality: 88 }).toBuffer()
}

/** A square logo for the account avatar. */
export async function fakeLogo(text: string, size = 800): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}">
    <rect width="100%" height="100%" fill="#1f6f5c"/>
    <circle cx="${size / 2}" cy="${size / 2}" r="${size * 0.36}" fill="#f3efe2"/>
    <text x="${size / 2}" y="${size / 2 + size * 0.07}" font-size="${size * 0.2}" text-anchor="middle"
      fill="#1f6f5c" font-family="Noto Sans CJK SC, Noto Sans SC, sans-serif">${escapeXml(text)}</text>
  </svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 90 }).toBuffer()
}

/** A multi-page PDF whose pages are the given JPEG scans (as scanners produce). */
export async function scansToPdf(pages: Buffer[]): Promise<Buffer> {
  const pdf = await PDFDocument.create()
  for (const jpeg of pages) {
    const image = await pdf.embedJpg(jpeg)
    const page = pdf.addPage([595.28, 841.89])
    page.drawImage(image, { x: 0, y: 0, width: 595.28, height: 841.89 })
  }
  return Buffer.from(await pdf.save())
}
