import { describe, expect, it } from 'vitest'
import { baselineAboveBottom } from '../../../shared/text-box'
import { boxAtClick, boxToPercent, insidePage } from '../../../renderer/src/templates/geometry'

const A4 = { width: 595.28, height: 841.89 }

describe('designer geometry (screen pixels ↔ PDF points, origin bottom left)', () => {
  it('puts the box on the clicked line: the filled text starts at the click, its baseline on it', () => {
    // The page shown at half size: 1 px = 2 pt. Clicked at 100 pt from the left, 200 pt from the top.
    const shown = { width: A4.width / 2, height: A4.height / 2 }
    const box = boxAtClick(50, 100, shown, A4)
    // The filler (template-fill.ts) writes a 24 pt box's one line at 12 pt, centred: its baseline
    // 7.44 pt above the box's bottom, its text 2 pt right of the box's left edge.
    expect(baselineAboveBottom(24)).toBeCloseTo(24 - (24 - 15) / 2 - 12 * (0.125 + 0.88), 5)
    expect(box).toEqual({
      x: 98,
      y: Math.round((841.89 - 200 - baselineAboveBottom(24)) * 10) / 10,
      width: 180,
      height: 24,
    })
    // Not under the line: the box reaches above the clicked point.
    expect(box.y + box.height).toBeGreaterThan(841.89 - 200 + 10)
    const p = boxToPercent(box, A4)
    expect(p.left).toBeCloseTo((98 / 595.28) * 100, 5)
  })

  it('keeps a box clicked near the edge inside the page', () => {
    const shown = { width: 595.28, height: 841.89 }
    const corner = boxAtClick(590, 840, shown, A4)
    expect(corner.x).toBeCloseTo(595.28 - 180, 1)
    expect(corner.y).toBe(0)
    expect(insidePage(corner, A4)).toBe(true)
    expect(insidePage({ x: 500, y: 10, width: 180, height: 24 }, A4)).toBe(false)
  })
})
