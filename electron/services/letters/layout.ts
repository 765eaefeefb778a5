/**
 * Turns a template and its values into positioned items, then pages. Drawing
 * goes through `Painter`, so layout can be tested without a PDF.
 */
import { fill, type RowKey, type Values } from './placeholders'
import type { BlockOf, LetterTemplate } from './template-schema'
import { justify } from './justify'
import { fitText, wrap, type Measure } from './text-fit'

export interface Painter {
  text(text: string, x: number, baseline: number, size: number, characterSpacing?: number): void
  line(x1: number, y1: number, x2: number, y2: number, thickness: number): void
  fillRect(x: number, y: number, width: number, height: number, grey: number): void
}

/** A horizontal slice of the page; `top` is its upper edge in PDF coordinates. */
export interface Item {
  height: number
  /** Must share a page with the next item (headings, a paragraph's first line, …). */
  keepWithNext: boolean
  /** Vertical space only: dropped at the top of a page. */
  space?: boolean
  /** Drawn first when this item opens a page (a table's header row). */
  header?: Item
  draw(painter: Painter, top: number): void
}

export interface Frame {
  left: number
  width: number
  top: number
  bottom: number
}

/** Top of the ideographic em box above the baseline (Noto Sans SC: 880/1000). */
const EM_ASCENT = 0.88
/** Shortest blank worth signing on; shorter ones go on their own line. */
const MIN_BLANK = 60
const COLUMN_GAP = 24
const CELL_PAD_X = 4
const CELL_PAD_Y = 3
const TABLE_LINE_HEIGHT = 1.4
const RULE = 0.6

/** Baseline of a line of `size` centred in a line box of `boxHeight` starting at `top`. */
function baselineIn(top: number, boxHeight: number, size: number): number {
  return top - (boxHeight - size) / 2 - EM_ASCENT * size
}

function spacer(height: number, keepWithNext = false): Item {
  return { height, keepWithNext, space: true, draw: () => undefined }
}

export interface LayoutInput {
  template: LetterTemplate
  scalars: Values
  rows: Record<RowKey, string>[]
  measure: Measure
}

export interface Layout {
  items: Item[]
  /** Every string that will be drawn (for the glyph check before writing). */
  texts: string[]
  frame: Frame
}

export function layoutLetter(input: LayoutInput): Layout {
  const { template, scalars, measure } = input
  const { margin } = template.page
  const frame: Frame = {
    left: margin.left,
    width: template.page.width - margin.left - margin.right,
    top: template.page.height - margin.top,
    bottom: margin.bottom,
  }
  const texts: string[] = []
  const style = template.style
  const width = (text: string, size: number, spacing = 0) =>
    measure(text) * size + spacing * Math.max(0, Array.from(text).length - 1)

  /** One line of text at `x`, aligned within `boxWidth`. */
  const drawLine = (
    painter: Painter,
    text: string,
    x: number,
    baseline: number,
    size: number,
    boxWidth: number,
    align: 'left' | 'center' | 'right' | 'justify',
    spacing = 0,
  ) => {
    const w = width(text, size, spacing)
    if (align === 'justify') {
      // Gaps over 0.15 em (a line cut short by a long name or code) look worse than a ragged edge.
      const runs = justify(text, measure, size, boxWidth, 0.15 * size)
      if (runs) {
        for (const run of runs) painter.text(run.text, x + run.dx, baseline, size, run.spacing)
        return
      }
      painter.text(text, x, baseline, size, spacing)
      return
    }
    const offset = align === 'center' ? (boxWidth - w) / 2 : align === 'right' ? boxWidth - w : 0
    painter.text(text, x + Math.max(0, offset), baseline, size, spacing)
  }

  const title = (b: BlockOf<'title'>): Item[] => {
    const text = fill(b.text, scalars)
    texts.push(text)
    const spacing = b.letterSpacing * b.size
    const spaced = width(text, b.size, spacing) <= frame.width
    const fitted = spaced
      ? { size: b.size, lines: [text] }
      : fitText(text, measure, { width: frame.width, size: b.size, minSize: b.minSize })
    const lineHeight = fitted.size * 1.5
    const items: Item[] = fitted.lines.map((line) => ({
      height: lineHeight,
      keepWithNext: true,
      draw: (p, top) =>
        drawLine(
          p,
          line,
          frame.left,
          baselineIn(top, lineHeight, fitted.size),
          fitted.size,
          frame.width,
          'center',
          spaced ? spacing : 0,
        ),
    }))
    return [...items, spacer(b.spaceAfter, true)]
  }

  const fields = (b: BlockOf<'fields'>): Item[] => {
    const size = style.fontSize
    const lineHeight = size * style.lineHeight
    const rows = b.rows
      .map((r) => ({ label: fill(r.label, scalars), value: fill(r.value, scalars) }))
      .filter((r) => r.value !== '')
    // Labels form one aligned column, at most 45% of the width.
    const labelWidth = Math.min(
      frame.width * 0.45,
      Math.max(...rows.map((r) => width(r.label, size))),
    )
    const valueWidth = frame.width - labelWidth
    const minSize = b.minSize ?? Math.max(style.minFontSize, size - 2)
    const items = rows.map((r): Item => {
      texts.push(r.label, r.value)
      const label = fitText(r.label, measure, { width: labelWidth, size, minSize })
      const value = fitText(r.value, measure, { width: valueWidth, size, minSize })
      const valueLineHeight = value.size * style.lineHeight
      const labelHeight = label.lines.length * label.size * style.lineHeight
      const valueHeight = lineHeight + (value.lines.length - 1) * valueLineHeight
      return {
        height: Math.max(labelHeight, valueHeight, lineHeight),
        keepWithNext: false,
        draw: (p, top) => {
          // First lines share a baseline even when the value had to shrink.
          const first = baselineIn(top, lineHeight, size)
          label.lines.forEach((line, i) => {
            const y = first - i * label.size * style.lineHeight
            drawLine(p, line, frame.left, y, label.size, labelWidth, 'left')
          })
          value.lines.forEach((line, i) => {
            const y = first - i * valueLineHeight
            drawLine(p, line, frame.left + labelWidth, y, value.size, valueWidth, 'left')
          })
        },
      }
    })
    return [...items, spacer(b.spaceAfter)]
  }

  const paragraph = (b: BlockOf<'paragraph'>): Item[] => {
    const size = b.size ?? style.fontSize
    const lineHeight = size * (b.lineHeight ?? style.lineHeight)
    const text = fill(b.text, scalars)
    texts.push(text)
    const lines = wrap(text, measure, size, frame.width, b.indent)
    const items = lines.map((line, i): Item => {
      const indent = i === 0 ? b.indent * size : 0
      const last = i === lines.length - 1
      // No single first line at a page foot, no single last line at a page head.
      const keep = last ? b.keepWithNext : i === 0 || i === lines.length - 2
      const align = last && b.align === 'justify' ? 'left' : b.align
      return {
        height: lineHeight,
        keepWithNext: keep,
        draw: (p, top) =>
          drawLine(
            p,
            line,
            frame.left + indent,
            baselineIn(top, lineHeight, size),
            size,
            frame.width - indent,
            align,
          ),
      }
    })
    return [...items, spacer(b.spaceAfter ?? style.paragraphSpacing, b.keepWithNext)]
  }

  const table = (b: BlockOf<'table'>): Item[] => {
    const size = b.size ?? style.fontSize - 1
    const minSize = b.minSize ?? Math.max(style.minFontSize, size - 2)
    const total = b.columns.reduce((sum, c) => sum + c.width, 0)
    const columns = b.columns.map((c) => ({ ...c, w: (c.width / total) * frame.width }))
    const xs = columns.reduce<number[]>(
      (acc, c) => [...acc, (acc[acc.length - 1] ?? frame.left) + c.w],
      [frame.left],
    )
    const row = (cells: string[], shaded: boolean, isHeader: boolean): Item => {
      texts.push(...cells)
      const fitted = cells.map((cell, i) =>
        fitText(cell, measure, {
          width: (columns[i]?.w ?? 0) - 2 * CELL_PAD_X,
          size,
          minSize,
        }),
      )
      const contentHeight = Math.max(
        ...fitted.map((f) => f.lines.length * f.size * TABLE_LINE_HEIGHT),
      )
      const height = contentHeight + 2 * CELL_PAD_Y
      return {
        height,
        keepWithNext: isHeader,
        draw: (p, top) => {
          const bottom = top - height
          const right = xs[xs.length - 1] ?? frame.left + frame.width
          if (shaded) p.fillRect(frame.left, bottom, right - frame.left, height, 0.92)
          if (isHeader) p.line(frame.left, top, right, top, RULE)
          p.line(frame.left, bottom, right, bottom, RULE)
          for (const x of xs) p.line(x, top, x, bottom, RULE)
          fitted.forEach((f, i) => {
            const col = columns[i]
            const x = xs[i]
            if (!col || x === undefined) return
            const lh = f.size * TABLE_LINE_HEIGHT
            // Centre the cell's lines vertically in the row.
            const firstTop = top - (height - f.lines.length * lh) / 2
            f.lines.forEach((line, j) => {
              const baseline = baselineIn(firstTop - j * lh, lh, f.size)
              drawLine(p, line, x + CELL_PAD_X, baseline, f.size, col.w - 2 * CELL_PAD_X, col.align)
            })
          })
        },
      }
    }
    const header = row(
      columns.map((c) => fill(c.header, scalars)),
      true,
      true,
    )
    const body = input.rows.map((values) => ({
      ...row(
        columns.map((c) => fill(c.cell, values)),
        false,
        false,
      ),
      header,
    }))
    return [header, ...body, spacer(b.spaceAfter)]
  }

  const signatures = (b: BlockOf<'signatures'>): Item[] => {
    const size = style.fontSize
    const lineHeight = size * style.lineHeight
    const minSize = Math.max(style.minFontSize, size - 2)
    const fitBox = (w: number) => ({ width: w, size, minSize })
    const n = b.columns.length
    const colWidth = (frame.width - COLUMN_GAP * (n - 1)) / n
    const columns = b.columns.map((col, ci) => {
      const x0 = frame.left + ci * (colWidth + COLUMN_GAP)
      const pieces: ((p: Painter, top: number) => void)[] = []
      /** Distance from the block's top to the top of the current line. */
      let y = 0
      const textAt = (line: string, x: number, lineSize: number) => {
        const lineTop = y
        pieces.push((p, top) =>
          p.text(line, x, baselineIn(top - lineTop, lineHeight, lineSize), lineSize),
        )
      }
      col.rows.forEach((r, ri) => {
        if (ri > 0) y += lineHeight + b.rowGap
        // A label may be given as several lines (Chinese, then English).
        const parts = fill(r.label, scalars).split('\n')
        texts.push(...parts)
        let lastWidth = 0
        parts.forEach((part, pi) => {
          const fitted = fitText(part, measure, fitBox(colWidth))
          fitted.lines.forEach((line, li) => {
            if (pi > 0 || li > 0) y += lineHeight
            textAt(line, x0, fitted.size)
            lastWidth = width(line, fitted.size)
          })
        })
        // The blank or value follows the label, or goes below it when too little room is left.
        const below = colWidth - lastWidth < MIN_BLANK
        if (below) y += lineHeight
        const from = below ? x0 : x0 + lastWidth
        if (r.value === undefined) {
          const lineTop = y
          pieces.push((p, top) => {
            const underline = baselineIn(top - lineTop, lineHeight, size) - 2
            p.line(from + 2, underline, x0 + colWidth, underline, RULE)
          })
          return
        }
        const value = fill(r.value, scalars)
        texts.push(value)
        const fitted = fitText(value, measure, fitBox(x0 + colWidth - from))
        fitted.lines.forEach((line, li) => {
          if (li > 0) y += lineHeight
          textAt(line, from, fitted.size)
        })
      })
      return { height: y + lineHeight, pieces }
    })
    const height = b.spaceBefore + Math.max(...columns.map((c) => c.height))
    return [
      {
        height,
        keepWithNext: false,
        draw: (p, top) =>
          columns.forEach((c) => c.pieces.forEach((d) => d(p, top - b.spaceBefore))),
      },
    ]
  }

  const items = template.blocks.flatMap((b): Item[] => {
    switch (b.type) {
      case 'title':
        return title(b)
      case 'fields':
        return fields(b)
      case 'paragraph':
        return paragraph(b)
      case 'table':
        return table(b)
      case 'signatures':
        return signatures(b)
    }
  })
  return { items, texts, frame }
}
