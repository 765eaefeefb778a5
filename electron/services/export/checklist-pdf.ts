import { rgb, type PDFFont, type PDFPage, type RGB } from '@cantoo/pdf-lib'
import { APP_VERSION } from '../version'
import { createPdf } from '../letters/pdf'
import type { Measure } from '../letters/text-fit'
import type { Block } from './checklist-content'
import {
  BANNER_PAD,
  bannerLines,
  BLACK,
  FIELD_LABEL_WIDTH,
  fieldLines,
  FRAME_WIDTH,
  GREY,
  itemLayout,
  itemLines,
  LINE,
  MARGIN,
  PAGE,
  RED,
  SIZE,
} from './checklist-lines'
import { ChecklistShaper } from './checklist-shaper'

/** Top of the ideographic em box above the baseline (Noto Sans SC: 880/1000). */
const EM_ASCENT = 0.88
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
 * `shaper`: the export's, prepared while its pages were fitted (same bytes, less time).
 */
export async function renderChecklist(
  blocks: Block[],
  meta: ChecklistMeta,
  shaper?: ChecklistShaper,
): Promise<Uint8Array> {
  const fonts = shaper ?? (await ChecklistShaper.create())
  fonts.close()
  const { doc, font } = await createPdf(fonts.loaded.bytes, meta.seed, fonts.face)
  doc.setTitle(meta.title)
  doc.setLanguage('zh-CN')
  doc.setCreator('PacketDesk')
  doc.setProducer('PacketDesk')
  const { measure } = fonts

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
    cursor.page.drawText(fonts.printable(t), { x, y: top - EM_ASCENT * size, size, font, color })
  /** Wrapped lines at `x`, `width` wide; a block never splits its first line from the page. */
  const lines = (wrapped: readonly string[], x: number, size: number, color: RGB = BLACK) => {
    for (const line of wrapped) {
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
        const wrapped = fieldLines(fonts, block.value)
        ensure(SIZE.body * LINE)
        text(block.label, MARGIN.left, cursor.y, SIZE.body, GREY)
        lines(wrapped, MARGIN.left + FIELD_LABEL_WIDTH, SIZE.body)
        break
      }
      case 'item': {
        const { size, color, left, markerWidth } = itemLayout(block, measure)
        ensure(size * LINE)
        if (block.marker !== '') text(block.marker, left, cursor.y, size, color)
        lines(itemLines(fonts, block), left + markerWidth, size, color)
        if (block.level === 0) cursor.y -= 2
        break
      }
    }
  }

  function drawBanner(texts: string[]) {
    const pad = BANNER_PAD
    const wrapped = bannerLines(fonts, texts)
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
