import { createHash } from 'node:crypto'
import fontkit, { type Font } from '@cantoo/fontkit'
import { grayscale, PDFDocument, rgb, type PDFFont, type PDFPage } from '@cantoo/pdf-lib'
import type { Painter } from './layout'

export interface PdfSetup {
  doc: PDFDocument
  font: PDFFont
}

/**
 * PDF subset fonts are named `ABCDEF+Name` (ISO 32000-1 §9.6.4); without the
 * tag viewers and pdffonts take the font for a full embedding. The tag is
 * derived from the content so the same letter gives the same name.
 */
export function subsetTag(seed: string): string {
  const digest = createHash('sha256').update(seed).digest()
  return Array.from(digest.subarray(0, 6), (b) => String.fromCharCode(65 + (b % 26))).join('')
}

/**
 * A document with Noto Sans SC embedded as a subset. `face`: `fontBytes` already parsed
 * (fontkit), used instead of a fresh parse of the 10 MB font.
 */
export async function createPdf(
  fontBytes: Uint8Array,
  seed: string,
  face?: Font,
): Promise<PdfSetup> {
  const doc = await PDFDocument.create()
  doc.registerFontkit(face ? { create: () => face } : fontkit)
  const font = await doc.embedFont(fontBytes, {
    subset: true,
    customName: `${subsetTag(seed)}+NotoSansSC-Regular`,
  })
  return { doc, font }
}

export function pagePainter(page: PDFPage, font: PDFFont): Painter {
  const black = rgb(0, 0, 0)
  return {
    text: (text, x, baseline, size, characterSpacing) =>
      page.drawText(text, {
        x,
        y: baseline,
        size,
        font,
        color: black,
        ...(characterSpacing ? { characterSpacing } : {}),
      }),
    line: (x1, y1, x2, y2, thickness) =>
      page.drawLine({ start: { x: x1, y: y1 }, end: { x: x2, y: y2 }, thickness, color: black }),
    fillRect: (x, y, width, height, grey) =>
      page.drawRectangle({ x, y, width, height, color: grayscale(grey) }),
  }
}
