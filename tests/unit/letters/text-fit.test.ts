import { describe, expect, it } from 'vitest'
import { justify } from '../../../electron/services/letters/justify'
import {
  fitText,
  isCjk,
  toUnits,
  wrap,
  type Measure,
} from '../../../electron/services/letters/text-fit'

/** A toy font: CJK 1 em, everything else half an em. */
const measure: Measure = (text) => Array.from(text).reduce((w, c) => w + (isCjk(c) ? 1 : 0.5), 0)

describe('line breaking', () => {
  it('breaks CJK text between any two characters', () => {
    expect(wrap('授权方现授权被授权方', measure, 10, 40)).toEqual(['授权方现', '授权被授', '权方'])
  })

  it('keeps closing punctuation off the start of a line and opening off the end', () => {
    const lines = wrap('甲乙丙，丁（戊己）', measure, 10, 30)
    for (const line of lines) {
      expect(line).not.toMatch(/^[，）]/)
      expect(line).not.toMatch(/（$/)
    }
    expect(lines.join('')).toBe('甲乙丙，丁（戊己）')
  })

  it('breaks Latin text at spaces and drops the space at the break', () => {
    expect(wrap('John Michael Smith', measure, 10, 65)).toEqual(['John Michael', 'Smith'])
  })

  it('cuts a word longer than the line between characters', () => {
    const lines = wrap('ABCDEFGHIJ', measure, 10, 20)
    expect(lines).toEqual(['ABCD', 'EFGH', 'IJ'])
  })

  it('keeps codes whole next to CJK text', () => {
    const units = toUnits('号码：11010519491231002X）系').map((u) => u.text)
    expect(units).toContain('11010519491231002X）')
  })

  it('narrows the first line by the indent', () => {
    expect(wrap('一二三四五六', measure, 10, 40, 2)).toEqual(['一二', '三四五六'])
  })
})

describe('fitting a box', () => {
  it('keeps the preferred size when the text fits', () => {
    expect(fitText('短名称', measure, { width: 100, size: 12, minSize: 8 })).toEqual({
      size: 12,
      lines: ['短名称'],
    })
  })

  it('shrinks before it wraps', () => {
    const fitted = fitText('一二三四五六七八九十', measure, { width: 100, size: 12, minSize: 8 })
    expect(fitted.lines).toHaveLength(1)
    expect(fitted.size).toBeLessThanOrEqual(10)
    expect(fitted.size).toBeGreaterThanOrEqual(8)
  })

  it('wraps at the minimum size when shrinking is not enough, every line inside the box', () => {
    const text = '某'.repeat(70)
    const fitted = fitText(text, measure, { width: 100, size: 12, minSize: 8 })
    expect(fitted.size).toBe(8)
    expect(fitted.lines.join('')).toBe(text)
    for (const line of fitted.lines) expect(measure(line) * 8).toBeLessThanOrEqual(100)
  })
})

describe('justification', () => {
  it('spreads slack between CJK characters, never inside a code', () => {
    const runs = justify('代码ABC123为', measure, 10, 70, 5)
    expect(runs).not.toBeNull()
    const code = runs?.find((r) => r.text === 'ABC123')
    expect(code?.spacing).toBe(0)
    const last = runs?.[runs.length - 1]
    // The last glyph ends exactly at the right edge.
    expect((last?.dx ?? 0) + measure(last?.text ?? '') * 10).toBeCloseTo(70)
  })

  it('gives up when the gaps would be too wide', () => {
    expect(justify('甲乙', measure, 10, 200, 2.5)).toBeNull()
  })
})
