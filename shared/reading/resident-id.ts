import { validateResidentId } from '../validators/resident-id'
import { chineseDate, compact, nameOf, valueAfter, type Extracted } from './text'

type ResidentIdField = 'name' | 'number' | 'validUntil'

/**
 * 居民身份证 (front and back, often both on one page) → `name`, `number`, `validUntil`
 * (YYYY-MM-DD, or `long_term` for 长期). A number failing its check character is reported as
 * read and unsure, never "fixed"; an end date that cannot exist is left out and unsure.
 */
export function extractResidentId(
  lines: readonly string[],
  today: string,
): Extracted<ResidentIdField> {
  const out: Extracted<ResidentIdField> = { fields: {}, unsure: [] }
  const name = valueAfter(lines, '姓名')
  if (name) out.fields.name = nameOf(name.replace(/性别.*$/u, ''))

  const text = lines.map(compact).join('\n')
  const number = /\d{17}[\dXx]/u.exec(text)?.[0]?.toUpperCase()
  if (number) {
    out.fields.number = number
    if (!validateResidentId(number, today).valid) out.unsure.push('number')
  }

  // 有效期限 2015.08.01-2035.08.01, or …-长期.
  const period = valueAfter(lines, '有效期限')
  if (period) {
    const end = period.split(/[-—–~至]/u).at(-1) ?? ''
    if (end.includes('长期')) out.fields.validUntil = 'long_term'
    else {
      const date = chineseDate(end)
      if (date) out.fields.validUntil = date
      else out.unsure.push('validUntil')
    }
  }
  return out
}
