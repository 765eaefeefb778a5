import { describe, expect, it } from 'vitest'
import { validateResidentId } from '../../../shared/validators/resident-id'

const TODAY = '2026-11-28'

describe('resident ID (GB 11643-1999)', () => {
  it.each([
    ['11010519491231002X', true, '11010519491231002X', null],
    ['11010519491231002x', true, '11010519491231002X', null],
    [' 1101 0519 4912 3100 2X ', true, '11010519491231002X', null],
    ['110105491231002', true, '11010519491231002X', null], // 15-digit legacy number upgraded
    ['110105194912310021', false, '110105194912310021', '校验位'],
    ['110105194902300020', false, '110105194902300020', '不存在'], // 1949-02-30
    ['110105203001010011', false, '110105203001010011', '晚于今天'],
    ['990105194912310029', false, '990105194912310029', '行政区划'],
    ['1101051949123100', false, '1101051949123100', '18 位'],
    ['11010519491231002Y', false, '11010519491231002Y', '18 位'],
    ['', false, '', '18 位'],
  ])('%s → valid %s', (input, valid, normalized, reason) => {
    const result = validateResidentId(input, TODAY)
    expect(result.valid).toBe(valid)
    expect(result.normalized).toBe(normalized)
    if (reason) expect(result.reason).toContain(reason)
    else expect(result.reason).toBeNull()
  })
})
