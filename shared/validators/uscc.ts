import { normalizeNumber, type ValidationResult } from './result'

/** GB 32100-2015 character set: digits and upper-case letters without I, O, Z, S, V. */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

export function usccCheckChar(first17: string): string | null {
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const value = CHARSET.indexOf(first17[i] ?? '')
    if (value < 0) return null
    sum += value * (WEIGHTS[i] ?? 0)
  }
  return CHARSET[(31 - (sum % 31)) % 31] ?? null
}

/**
 * 统一社会信用代码 (GB 32100-2015). A wrong check character is reported as
 * invalid here; callers treat it as a warning the user may override (RULES.md §5).
 */
export function validateUscc(input: string): ValidationResult {
  const number = normalizeNumber(input)
  const fail = (reason: string): ValidationResult => ({ valid: false, normalized: number, reason })
  if (number.length !== 18) return fail(`统一社会信用代码应为 18 位，当前为 ${number.length} 位`)
  const bad = Array.from(number).find((c) => !CHARSET.includes(c))
  if (bad !== undefined) {
    return fail(`统一社会信用代码含有不允许的字符“${bad}”（不使用 I、O、Z、S、V）`)
  }
  if (!/^\d{6}$/.test(number.slice(2, 8)))
    return fail('统一社会信用代码第 3–8 位应为行政区划码（数字）')
  const expected = usccCheckChar(number.slice(0, 17))
  if (number[17] !== expected) {
    return fail(`统一社会信用代码校验位错误：最后一位应为 ${expected ?? '?'}`)
  }
  return { valid: true, normalized: number, reason: null }
}
