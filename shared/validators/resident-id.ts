import { formatIsoDate, parseIsoDate } from '../dates'
import { normalizeNumber, type ValidationResult } from './result'

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'
/** GB/T 2260 province-level codes (first two digits). */
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
  '91',
])

/** The GB 11643-1999 check character of the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0)
  return CHECK_CHARS[sum % 11] ?? '?'
}

/** A 15-digit number (pre-1999 cards, born 19xx) as its 18-digit form. */
function upgradeLegacyResidentId(fifteen: string): string {
  const first17 = `${fifteen.slice(0, 6)}19${fifteen.slice(6)}`
  return first17 + residentIdCheckChar(first17)
}

/**
 * 居民身份证号码 (GB 11643-1999): region, a real birth date not after `today`,
 * sequence, check character. 15-digit legacy numbers are converted.
 */
export function validateResidentId(input: string, today: string): ValidationResult {
  let number = normalizeNumber(input)
  const fail = (reason: string): ValidationResult => ({ valid: false, normalized: number, reason })
  if (/^\d{15}$/.test(number)) number = upgradeLegacyResidentId(number)
  if (!/^\d{17}[\dX]$/.test(number)) {
    return fail('身份证号码应为 18 位（前 17 位数字，最后一位为数字或 X），或 15 位旧号码')
  }
  if (!PROVINCES.has(number.slice(0, 2))) {
    return fail(`身份证号码前两位 ${number.slice(0, 2)} 不是有效的省级行政区划代码`)
  }
  const birth = `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}`
  const date = parseIsoDate(birth)
  if (!date) return fail(`身份证号码中的出生日期 ${birth} 不存在`)
  if (formatIsoDate(date) > today) return fail(`身份证号码中的出生日期 ${birth} 晚于今天`)
  const expected = residentIdCheckChar(number.slice(0, 17))
  if (number[17] !== expected) {
    return fail(`身份证号码校验位错误：最后一位应为 ${expected}，请核对号码是否抄错`)
  }
  return { valid: true, normalized: number, reason: null }
}
