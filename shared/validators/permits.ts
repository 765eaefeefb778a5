import { normalizeNumber, type ValidationResult } from './result'

/**
 * 港澳居民来往内地通行证: H (Hong Kong) or M (Macao) followed by 8 digits
 * (cards since 2013) or 10 digits (older booklets).
 */
export function validateHkMacaoPermit(input: string): ValidationResult {
  const number = normalizeNumber(input)
  if (/^[HM](\d{8}|\d{10})$/.test(number)) return { valid: true, normalized: number, reason: null }
  return {
    valid: false,
    normalized: number,
    reason: '港澳居民来往内地通行证号码应为 H 或 M 开头，后接 8 位（或旧版 10 位）数字',
  }
}

/** 台湾居民来往大陆通行证: 8 digits (cards since 2015), or the older 10-digit form. */
export function validateTaiwanPermit(input: string): ValidationResult {
  const number = normalizeNumber(input).replace(/[()（）]/g, '')
  if (/^\d{8}$/.test(number) || /^\d{10}[A-Z]?$/.test(number)) {
    return { valid: true, normalized: number, reason: null }
  }
  return {
    valid: false,
    normalized: number,
    reason: '台湾居民来往大陆通行证号码应为 8 位数字（旧版为 10 位数字，可带字母）',
  }
}
