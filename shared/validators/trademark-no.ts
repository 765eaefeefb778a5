import { normalizeNumber, type ValidationResult } from './result'

/**
 * 商标注册号 (soft check): CNIPA numbers are digits (up to 8, longer for recent
 * filings), Madrid international registrations start with G. Anything else is
 * kept but flagged.
 */
export function validateTrademarkNo(input: string): ValidationResult {
  const number = normalizeNumber(input)
  if (/^\d{1,10}$/.test(number) || /^G\d{6,8}$/.test(number)) {
    return { valid: true, normalized: number, reason: null }
  }
  return {
    valid: false,
    normalized: number,
    reason: '商标注册号通常为纯数字（国际注册为 G 加数字），请核对',
  }
}
