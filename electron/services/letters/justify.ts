import { isCjk, splitGraphemes, type Measure } from './text-fit'

export interface Run {
  text: string
  /** Offset from the line's start, in points. */
  dx: number
  /** Extra space after each glyph (PDF Tc). */
  spacing: number
}

/**
 * Full justification the Chinese way: the slack is shared between CJK
 * characters and at CJK/Latin boundaries, never inside Latin words or codes
 * (a USCC or an ID number stays tight). Null when the line has nowhere to
 * put the slack or the gaps would be wider than `maxGap`.
 */
export function justify(
  line: string,
  measure: Measure,
  size: number,
  boxWidth: number,
  maxGap: number,
): Run[] | null {
  const runs: { text: string; cjk: boolean; count: number }[] = []
  for (const g of splitGraphemes(line)) {
    const cjk = isCjk(g)
    const last = runs[runs.length - 1]
    if (last?.cjk === cjk) {
      last.text += g
      last.count += 1
    } else {
      runs.push({ text: g, cjk, count: 1 })
    }
  }
  const gaps = runs.reduce((n, r) => n + (r.cjk ? r.count - 1 : 0), 0) + runs.length - 1
  const slack = boxWidth - measure(line) * size
  if (gaps === 0 || slack <= 0) return null
  const extra = slack / gaps
  if (extra > maxGap) return null
  let x = 0
  return runs.map((r) => {
    const run = { text: r.text, dx: x, spacing: r.cjk ? extra : 0 }
    x += measure(r.text) * size + (r.cjk ? r.count : 1) * extra
    return run
  })
}
