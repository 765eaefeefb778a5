import { rgb, type PDFFont, type PDFPage, type RGB } from '@cantoo/pdf-lib'
import { APP_VERSION } from '../version'
import { loadFont } from '../letters/font'
import { createPdf } from '../letters/pdf'
import { cachedMeasure, wrap, type Measure } from '../letters/text-fit'
import type { Block } from './checklist-content'

const PAGE = { width: 595.28, height: 841.89 }
const MARGIN = { top: 64, right: 56, bottom: 64, left: 56 }
const FRAME_WIDTH = PAGE.width - MARGIN.left - MARGIN.right
const SIZE = { title: 18, banner: 11, heading: 12.5, body: 10, small: 8 }
const LINE = 1.5
const FIELD_LABEL_WIDTH = 96
const INDENT = 16
/** Top of the ideographic em box above the baseline (Noto Sans SC: 880/1000). */
const EM_ASCENT = 0.88

const BLACK = rgb(0, 0, 0)
const GREY = rgb(0.38, 0.38, 0.38)
const RED = rgb(0.75, 0.1, 0.1)
const BANNER_FILL = rgb(0.99, 0.92, 0.92)

export interface ChecklistMeta {
  title: string
  asOf: string
  draft: boolean
  /** Seeds the font subset tag, so the same export gives the same font name. */
  seed: string
}

interface Cursor {
  page: PDFPage
  /** Top of the next line, in PDF coordinates (origin bottom left). */
  y: number
}

/**
 * 清单.pdf: A4, Noto Sans SC embedded as a subset (the letters' font and setup), text that wraps
 * the Chinese way (letters/text-fit.ts). A draft says 草稿 in a banner and in every page header.
 */
export async function renderChecklist(blocks: Block[], meta: ChecklistMeta): Promise<Uint8Array> {
  const loaded = loadFont()
  const { doc, font } = await createPdf(loaded.bytes, meta.seed)
  doc.setTitle(meta.title)
  doc.setLanguage('zh-CN')
  doc.setCreator('PacketDesk')
  doc.setProducer('PacketDesk')
  // A character the font lacks would print as an empty box; a visible stand-in is honest.
  const printable = (text: string) =>
    Array.from(text, (c) =>
      /\s/u.test(c) || loaded.face.hasGlyphForCodePoint(c.codePointAt(0) ?? 0) ? c : '?',
    ).join('')
  const measure: Measure = cachedMeasure((text) => font.widthOfTextAtSize(text, 1))

  const pages: PDFPage[] = []
  const newPage = (): Cursor => {
    const page = doc.addPage([PAGE.width, PAGE.height])
    pages.push(page)
    return { page, y: PAGE.height - MARGIN.top }
  }
  let cursor = newPage()
  const ensure = (height: number) => {
    if (cursor.y - height < MARGIN.bottom) cursor = newPage()
  }
  const text = (t: string, x: number, top: number, size: number, color: RGB = BLACK) =>
    cursor.page.drawText(printable(t), { x, y: top - EM_ASCENT * size, size, font, color })
  /** Wrapped lines at `x`, `width` wide; a block never splits its first line from the page. */
  const paragraph = (t: string, x: number, width: number, size: number, color: RGB = BLACK) => {
    for (const line of wrap(printable(t), measure, size, width)) {
      ensure(size * LINE)
      text(line, x, cursor.y, size, color)
      cursor.y -= size * LINE
    }
  }

  for (const block of blocks) {
    switch (block.kind) {
      case 'title':
        ensure(SIZE.title * 2)
        text(block.text, MARGIN.left, cursor.y, SIZE.title)
        cursor.y -= SIZE.title * 1.9
        break
      case 'banner':
        drawBanner(block.lines)
        break
      case 'heading':
        // Keep a heading with at least two lines of what follows it.
        ensure(SIZE.heading * 1.4 + SIZE.body * LINE * 2 + 8)
        cursor.y -= 8
        text(block.text, MARGIN.left, cursor.y, SIZE.heading)
        cursor.y -= SIZE.heading * 1.4
        cursor.page.drawLine({
          start: { x: MARGIN.left, y: cursor.y + 4 },
          end: { x: PAGE.width - MARGIN.right, y: cursor.y + 4 },
          thickness: 0.5,
          color: GREY,
        })
        cursor.y -= 2
        break
      case 'field': {
        const lines = wrap(
          printable(block.value),
          measure,
          SIZE.body,
          FRAME_WIDTH - FIELD_LABEL_WIDTH,
        )
        ensure(SIZE.body * LINE)
        text(block.label, MARGIN.left, cursor.y, SIZE.body, GREY)
        for (const line of lines) {
          ensure(SIZE.body * LINE)
          text(line, MARGIN.left + FIELD_LABEL_WIDTH, cursor.y, SIZE.body)
          cursor.y -= SIZE.body * LINE
        }
        break
      }
      case 'item': {
        const size = block.small ? SIZE.small : SIZE.body
        const color = block.small ? GREY : BLACK
        const left = MARGIN.left + block.level * INDENT
        const markerWidth = block.marker === '' ? 0 : measure(block.marker) * size + 4
        ensure(size * LINE)
        if (block.marker !== '') text(block.marker, left, cursor.y, size, color)
        paragraph(
          block.text,
          left + markerWidth,
          FRAME_WIDTH - (left - MARGIN.left) - markerWidth,
          size,
          color,
        )
        if (block.level === 0) cursor.y -= 2
        break
      }
    }
  }

  function drawBanner(lines: string[]) {
    const pad = 8
    const wrapped = lines.flatMap((line, i) =>
      wrap(
        printable(line),
        measure,
        i === 0 ? SIZE.banner + 2 : SIZE.banner,
        FRAME_WIDTH - 2 * pad,
      ).map((l) => ({ text: l, size: i === 0 ? SIZE.banner + 2 : SIZE.banner })),
    )
    const height = wrapped.reduce((sum, l) => sum + l.size * LINE, 0) + 2 * pad
    ensure(Math.min(height, PAGE.height - MARGIN.top - MARGIN.bottom))
    cursor.page.drawRectangle({
      x: MARGIN.left,
      y: Math.max(MARGIN.bottom, cursor.y - height),
      width: FRAME_WIDTH,
      height: Math.min(height, cursor.y - MARGIN.bottom),
      color: BANNER_FILL,
      borderColor: RED,
      borderWidth: 1.2,
    })
    cursor.y -= pad
    for (const line of wrapped) {
      ensure(line.size * LINE)
      text(line.text, MARGIN.left + pad, cursor.y, line.size, RED)
      cursor.y -= line.size * LINE
    }
    cursor.y -= pad + 6
  }

  pages.forEach((page, index) => {
    const footer = `PacketDesk ${APP_VERSION} 生成 · 核对日期 ${meta.asOf} · 第 ${index + 1} 页 共 ${pages.length} 页`
    page.drawText(footer, {
      x: MARGIN.left,
      y: MARGIN.bottom / 2,
      size: SIZE.small,
      font,
      color: GREY,
    })
    if (meta.draft) drawDraftMark(page, font, measure)
  })
  return doc.save({ useObjectStreams: true })
}

/** 草稿 in the top right corner of every page, so no page of a draft passes for final. */
function drawDraftMark(page: PDFPage, font: PDFFont, measure: Measure): void {
  const mark = '草稿 · 请勿提交'
  const size = 12
  page.drawText(mark, {
    x: PAGE.width - MARGIN.right - measure(mark) * size,
    y: PAGE.height - MARGIN.top / 2 - size / 2,
    size,
    font,
    color: RED,
  })
}
