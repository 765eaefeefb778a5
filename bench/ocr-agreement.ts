import sharp from 'sharp'
import { loadEngine } from '../electron/services/reading/ocr-engine'
import { compact } from '../shared/reading/text'

/**
 * Legibility, measured (issue 14): how much of what PaddleOCR reads in the original an encode
 * still reads. One region per page — the starts of the text lines ("第 123456789 号 …") in the
 * top of the body, a third of the width and an eighth of the height — cut at the same place from
 * both after scaling the encode back to the original's size: reading a whole 12 MP page takes
 * a minute, and the region holds the digits a reviewer checks one by one. Read text is compared as
 * the app compares reads (§4b, `compact`): NFKC, no spaces, so a slash read as full-width
 * "／" in one and "/" in the other is the same character, not a lost one.
 */
export async function ocrText(image: Buffer, width: number, height: number): Promise<string> {
  const region = await sharp(image)
    .resize({ width, height, fit: 'fill' })
    .extract({
      left: 0,
      top: Math.round(height * 0.16),
      width: Math.round(width / 3),
      height: Math.round(height / 8),
    })
    .png()
    .toBuffer()
  const engine = await loadEngine()
  const lines = await engine.detect(region)
  return lines.map((line) => compact(line.text)).join('')
}

/** 1 − (edit distance ÷ the reference's length): 1 reads everything the original did. */
export function agreement(reference: string, text: string): number {
  if (reference.length === 0) return text.length === 0 ? 1 : 0
  return Math.max(0, 1 - editDistance(reference, text) / reference.length)
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution)
    }
    previous = current
  }
  return previous[b.length] ?? 0
}
