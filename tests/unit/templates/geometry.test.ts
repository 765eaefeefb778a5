import { describe, expect, it } from 'vitest'
import { boxAtClick, boxToPercent, insidePage } from '../../../renderer/src/templates/geometry'

const A4 = { width: 595.28, height: 841.89 }

describe('designer geometry (screen pixels ↔ PDF points, origin bottom left)', () => {
  it('puts the box’s top-left corner where the user clicked', () => {
    // The page shown at half size: 1 px = 2 pt.
    const shown = { width: A4.width / 2, height: A4.height / 2 }
    const box = boxAtClick(50, 100, shown, A4)
    expect(box).toEqual({
      x: 100,
      y: Math.round((841.89 - 200 - 24) * 10) / 10,
      width: 180,
      height: 24,
    })
    const p = boxToPercent(box, A4)
    expect(p.left).toBeCloseTo((100 / 595.28) * 100, 5)
    expect(p.top).toBeCloseTo((200 / 841.89) * 100, 1)
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
