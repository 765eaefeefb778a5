import { normalizeNumber, type ValidationResult } from './result'

/** PRC passport numbers: E+8 digits, E+letter+7 digits, G+8 digits, DE/SE/PE+7 digits. */
const PRC_PASSPORT = [/^E\d{8}$/, /^E[A-HJ-NP-Z]\d{7}$/, /^G\d{8}$/, /^(DE|SE|PE)\d{7}$/]
/** Foreign passports: free form within ICAO 9303's 9-character field, allowing longer national forms. */
const FOREIGN_PASSPORT = /^[A-Z0-9]{5,20}$/

function isPrcPassport(number: string): boolean {
  return PRC_PASSPORT.some((pattern) => pattern.test(number))
}

/** ICAO 9303 check digit: weights 7,3,1; `<` is 0, letters A=10…Z=35. */
export function icaoCheckDigit(field: string): number {
  const weights = [7, 3, 1]
  let sum = 0
  for (let i = 0; i < field.length; i++) {
    const c = field[i] ?? '<'
    const value =
      c === '<' ? 0 : /\d/.test(c) ? Number(c) : /[A-Z]/.test(c) ? c.charCodeAt(0) - 55 : -1
    if (value < 0) return -1
    sum += value * (weights[i % 3] ?? 0)
  }
  return sum % 10
}

/**
 * Second line of a passport's machine-readable zone (TD3, 44 characters):
 * number (0–8) + check (9), birth date (13–18) + check (19), expiry (21–26) +
 * check (27), and the composite check (43).
 */
export function validateMrzLine2(line: string): ValidationResult & { passportNumber?: string } {
  const mrz = line.replace(/\s+/g, '').toUpperCase()
  const fail = (reason: string) => ({ valid: false, normalized: mrz, reason })
  if (!/^[A-Z0-9<]{44}$/.test(mrz)) return fail('护照机读码第二行应为 44 个字符（字母、数字或 <）')
  const check = (from: number, to: number, at: number) =>
    icaoCheckDigit(mrz.slice(from, to)) === Number(mrz[at])
  if (!check(0, 9, 9)) return fail('护照机读码中护照号码的校验位不符')
  if (!check(13, 19, 19)) return fail('护照机读码中出生日期的校验位不符')
  if (!check(21, 27, 27)) return fail('护照机读码中有效期的校验位不符')
  const composite = mrz.slice(0, 10) + mrz.slice(13, 20) + mrz.slice(21, 43)
  if (icaoCheckDigit(composite) !== Number(mrz[43])) return fail('护照机读码的总校验位不符')
  return {
    valid: true,
    normalized: mrz,
    reason: null,
    passportNumber: mrz.slice(0, 9).replace(/<+$/, ''),
  }
}

/** 护照号码: PRC formats are checked exactly; foreign passports are free form. */
export function validatePassport(input: string): ValidationResult {
  const number = normalizeNumber(input)
  if (isPrcPassport(number)) return { valid: true, normalized: number, reason: null }
  if (/^(E|G|DE|SE|PE)\d/.test(number) && number.length <= 10) {
    return {
      valid: false,
      normalized: number,
      reason: '中国护照号码格式应为 E+8 位数字、E+字母+7 位数字、G+8 位数字或 DE/SE/PE+7 位数字',
    }
  }
  if (FOREIGN_PASSPORT.test(number)) {
    return { valid: true, normalized: number, reason: '按外国护照校验（仅检查字符与长度）' }
  }
  return { valid: false, normalized: number, reason: '护照号码应为 5–20 位字母或数字' }
}
