import { rgb } from '@cantoo/pdf-lib'
import type { Measure } from '../letters/text-fit'
import type { Block } from './checklist-content'

/** 清单.pdf's page geometry and type: A4, points. */
export const PAGE = { width: 595.28, height: 841.89 }
export const MARGIN = { top: 64, right: 56, bottom: 64, left: 56 }
export const FRAME_WIDTH = PAGE.width - MARGIN.left - MARGIN.right
export const SIZE = { title: 18, banner: 11, heading: 12.5, body: 10, small: 8 }
export const LINE = 1.5
export const FIELD_LABEL_WIDTH = 96
const INDENT = 16
export const BANNER_PAD = 8

export const BLACK = rgb(0, 0, 0)
export const GREY = rgb(0.38, 0.38, 0.38)
export const RED = rgb(0.75, 0.1, 0.1)

/** How text meets the font: widths, what it cannot draw, and lines. */
export interface TextFit {
  /** Width at size 1. */
  measure: Measure
  /** `text` as drawn: a character the font lacks would print as an empty box; `?` is honest. */
  printable(text: string): string
  /** `text`, printable, wrapped at `size` to `width` (text-fit.ts wrap). */
  lines(text: string, size: number, width: number): readonly string[]
}

/** A field's value, wrapped beside its label. */
export const fieldLines = (fit: TextFit, value: string): readonly string[] =>
  fit.lines(value, SIZE.body, FRAME_WIDTH - FIELD_LABEL_WIDTH)

/** Where an item's marker and text go, and its text's size and colour. */
export function itemLayout(block: Extract<Block, { kind: 'item' }>, measure: Measure) {
  const size = block.small ? SIZE.small : SIZE.body
  const color = block.small ? GREY : BLACK
  const left = MARGIN.left + block.level * INDENT
  const markerWidth = block.marker === '' ? 0 : measure(block.marker) * size + 4
  const textWidth = FRAME_WIDTH - (left - MARGIN.left) - markerWidth
  return { size, color, left, markerWidth, textWidth }
}

/** An item's text, wrapped. */
export function itemLines(
  fit: TextFit,
  block: Extract<Block, { kind: 'item' }>,
): readonly string[] {
  const { size, textWidth } = itemLayout(block, fit.measure)
  return fit.lines(block.text, size, textWidth)
}

/** A banner's lines wrapped, the first one larger. */
export function bannerLines(fit: TextFit, lines: string[]): { text: string; size: number }[] {
  return lines.flatMap((line, i) => {
    const size = i === 0 ? SIZE.banner + 2 : SIZE.banner
    return fit.lines(line, size, FRAME_WIDTH - 2 * BANNER_PAD).map((text) => ({ text, size }))
  })
}

/** Every string `block` draws, as it is drawn (what the render lays out with the font). */
export function drawnTexts(fit: TextFit, block: Block): readonly string[] {
  switch (block.kind) {
    case 'title':
    case 'heading':
      return [fit.printable(block.text)]
    case 'banner':
      return bannerLines(fit, block.lines).map((l) => l.text)
    case 'field':
      return [fit.printable(block.label), ...fieldLines(fit, block.value)]
    case 'item': {
      const lines = itemLines(fit, block)
      return block.marker === '' ? lines : [fit.printable(block.marker), ...lines]
    }
  }
}
