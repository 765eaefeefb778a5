import { describe, expect, it } from 'vitest'
import { validateHkMacaoPermit, validateTaiwanPermit } from '../../../shared/validators/permits'
import { validateTrademarkNo } from '../../../shared/validators/trademark-no'

describe('Hong Kong / Macao permits', () => {
  it.each([
    ['H12345678', true],
    ['m1234567890', true],
    ['H1234567', false],
    ['C12345678', false],
  ])('%s → valid %s', (input, valid) => {
    expect(validateHkMacaoPermit(input).valid).toBe(valid)
  })
})

describe('Taiwan permits', () => {
  it.each([
    ['12345678', true],
    ['1234567890', true],
    ['1234567890(B)', true],
    ['1234567', false],
    ['A12345678', false],
  ])('%s → valid %s', (input, valid) => {
    expect(validateTaiwanPermit(input).valid).toBe(valid)
  })
})

describe('trademark registration numbers (soft check)', () => {
  it.each([
    ['45678901', true],
    ['G1234567', true],
    ['4567 8901', true],
    ['TM-1', false],
  ])('%s → valid %s', (input, valid) => {
    expect(validateTrademarkNo(input).valid).toBe(valid)
  })
})
