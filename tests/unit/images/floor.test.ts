import { describe, expect, it } from 'vitest'
import { floorLongSide } from '../../../electron/services/images/floor'

describe('legibility floor', () => {
  it('is 1600 px for ordinary scans and phone photos', () => {
    expect(floorLongSide(4000, 4000)).toBe(1600)
    expect(floorLongSide(3508, 3508)).toBe(1600)
  })

  it('never drops more than 4× of a very large source', () => {
    expect(floorLongSide(12000, 7016)).toBe(3000)
    expect(floorLongSide(9921, 7016)).toBe(2481)
  })

  it('never asks for more pixels than there are', () => {
    expect(floorLongSide(1200, 1200)).toBe(1200)
    expect(floorLongSide(40000, 7016)).toBe(7016)
  })

  it('takes overrides', () => {
    expect(floorLongSide(4000, 4000, { minLongSide: 1000 })).toBe(1000)
    expect(floorLongSide(12000, 7016, { maxDownscale: 8 })).toBe(1600)
  })
})
