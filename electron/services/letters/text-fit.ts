/**
 * Line breaking and box fitting, independent of the PDF library: widths come
 * from a `measure` function so the rules can be tested without a font.
 */

/** Width of `text` at font size 1 (the PDF font scales linearly with size). */
export type Measure = (text: string) => number

export interface FitBox {
  /** Available width in points. */
  width: number
  /** Preferred size; the text shrinks from here before it wraps. */
  size: number
  /** Smallest size allowed; below it the text wraps instead. */
  minSize: number
  /** Lines allowed before shrinking stops being enough (default 1). */
  maxLines?: number
  /** Narrower first line (paragraph indent), in em of the fitted size. */
  firstLineIndentEm?: number
}

export interface FittedText {
  size: number
  lines: string[]
}

// Chinese typesetting (GB/T 15834 and common practice): these never start a line…
const NO_LINE_START = new Set(Array.from('，。、：；！？）】》」』”’〕〉…—·%‰,.;:!?)]}>'))
// …and these never end one.
const NO_LINE_END = new Set(Array.from('（【《「『“‘〔〈([{<'))

const graphemes = new Intl.Segmenter('zh', { granularity: 'grapheme' })

/** Punctuation shared with Latin text that behaves as CJK punctuation in Chinese. */
const CJK_PUNCTUATION = new Set(Array.from('“”‘’…—·'))

/** Scripts written without spaces: a line may break before any of their characters. */
const CJK =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef\u2e80-\u2fdf\u3100-\u31bf]/u

/** The pieces a line may break between. */
interface Unit {
  text: string
  /** A space stood before it in the source (printed unless the unit starts a line). */
  spaced: boolean
}

/** Whether a grapheme belongs to text set without spaces (CJK characters and punctuation). */
export function isCjk(grapheme: string): boolean {
  return CJK.test(grapheme) || CJK_PUNCTUATION.has(grapheme)
}

export function splitGraphemes(text: string): string[] {
  return Array.from(graphemes.segment(text), (s) => s.segment)
}

/**
 * Cut text into unbreakable units: each CJK character alone, Latin words whole
 * (runs between spaces, ASCII punctuation included), with closing punctuation
 * glued to what precedes it and opening punctuation glued to what follows.
 */
export function toUnits(text: string): Unit[] {
  const units: Unit[] = []
  let word = ''
  let pendingSpace = false
  let glueNext = false
  const push = (piece: string) => {
    const last = units[units.length - 1]
    if (last && !pendingSpace && (glueNext || NO_LINE_START.has(piece.slice(0, 1)))) {
      last.text += piece
    } else {
      units.push({ text: piece, spaced: pendingSpace && units.length > 0 })
    }
    glueNext = NO_LINE_END.has(Array.from(piece).pop() ?? '')
    pendingSpace = false
  }
  const flushWord = () => {
    if (word) push(word)
    word = ''
  }
  for (const g of splitGraphemes(text)) {
    if (/^\s+$/u.test(g)) {
      flushWord()
      pendingSpace = true
      glueNext = false
    } else if (isCjk(g)) {
      flushWord()
      push(g)
    } else {
      word += g
    }
  }
  flushWord()
  return units
}

/** Greedy line filling; a unit wider than a whole line is cut between characters. */
export function wrap(text: string, measure: Measure, size: number, width: number, indentEm = 0) {
  const lines: string[] = []
  const space = measure(' ') * size
  let line = ''
  let lineWidth = 0
  const limit = () => width - (lines.length === 0 ? indentEm * size : 0)
  const fits = (w: number) => w <= limit() + 1e-6
  const breakLine = () => {
    lines.push(line)
    line = ''
    lineWidth = 0
  }
  const place = (piece: string, spaced: boolean) => {
    const w = measure(piece) * size
    if (line === '') {
      if (fits(w)) {
        line = piece
        lineWidth = w
        return
      }
      // Too wide for any line: cut it between characters.
      for (const g of splitGraphemes(piece)) {
        const gw = measure(g) * size
        if (line !== '' && !fits(lineWidth + gw)) breakLine()
        line += g
        lineWidth += gw
      }
      return
    }
    const extra = (spaced ? space : 0) + w
    if (fits(lineWidth + extra)) {
      line += (spaced ? ' ' : '') + piece
      lineWidth += extra
      return
    }
    breakLine()
    place(piece, false)
  }
  for (const unit of toUnits(text)) place(unit.text, unit.spaced)
  if (line !== '' || lines.length === 0) lines.push(line)
  return lines
}

/** Keep the preferred size if the text fits, else shrink step by step, else wrap at the minimum. */
export function fitText(text: string, measure: Measure, box: FitBox): FittedText {
  const maxLines = box.maxLines ?? 1
  const step = 0.5
  for (let size = box.size; size >= box.minSize - 1e-9; size -= step) {
    const lines = wrap(text, measure, size, box.width, box.firstLineIndentEm)
    if (lines.length <= maxLines) return { size, lines }
  }
  return {
    size: box.minSize,
    lines: wrap(text, measure, box.minSize, box.width, box.firstLineIndentEm),
  }
}

/** Memoise widths at size 1: wrapping asks for the same pieces many times. */
export function cachedMeasure(measure: Measure): Measure {
  const cache = new Map<string, number>()
  return (text) => {
    let width = cache.get(text)
    if (width === undefined) {
      width = measure(text)
      cache.set(text, width)
    }
    return width
  }
}
