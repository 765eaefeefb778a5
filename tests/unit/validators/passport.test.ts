import { describe, expect, it } from 'vitest'
import {
  icaoCheckDigit,
  validateMrzLine2,
  validatePassport,
} from '../../../shared/validators/passport'

describe('passports', () => {
  it.each([
    ['E12345678', true],
    ['e 1234 5678', true],
    ['EA1234567', true],
    ['G12345678', true],
    ['DE1234567', true],
    ['SE1234567', true],
    ['PE1234567', true],
    ['E1234567', false], // too short for E+8
    ['G1234567', false],
    ['DE123456', false],
    ['K1234567', true], // foreign, free form
    ['123', false],
    ['AB-12345', false],
  ])('%s → valid %s', (input, valid) => {
    expect(validatePassport(input).valid).toBe(valid)
  })

  it('checks ICAO 9303 check digits in an MRZ line', () => {
    // ICAO 9303 part 4 specimen: L898902C3 UTO 740812 F 120415 ZE184226B <<<<< 1 0
    const line = 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'
    expect(icaoCheckDigit('L898902C3')).toBe(6)
    expect(validateMrzLine2(line)).toMatchObject({ valid: true, passportNumber: 'L898902C3' })
    expect(validateMrzLine2(line.replace('C36', 'C35')).valid).toBe(false)
    expect(validateMrzLine2('short').valid).toBe(false)
  })
})
