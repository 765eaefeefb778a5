import { validateUscc } from '../validators/uscc'
import { chineseDate, compact, FIELD_LABELS, nameOf, valueAfter, type Extracted } from './text'

type LicenceField = 'uscc' | 'name' | 'legalRepresentative' | 'businessScope' | 'establishedOn'

/**
 * 营业执照 → `uscc`, `name`, `legalRepresentative`, `businessScope`, `establishedOn`. A USCC
 * failing GB 32100's check character is reported as read and unsure (never "fixed").
 */
export function extractBusinessLicence(lines: readonly string[]): Extracted<LicenceField> {
  const out: Extracted<LicenceField> = { fields: {}, unsure: [] }
  const flat = lines.map(compact)

  const uscc = /[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}/u.exec(
    flat.join('\n').toUpperCase(),
  )?.[0]
  if (uscc) {
    out.fields.uscc = uscc
    if (!validateUscc(uscc).valid) out.unsure.push('uscc')
  }
  const name = valueAfter(lines, '名称')
  if (name) out.fields.name = nameOf(name)
  const representative =
    valueAfter(lines, '法定代表人') ?? valueAfter(lines, '负责人') ?? valueAfter(lines, '经营者')
  if (representative) out.fields.legalRepresentative = nameOf(representative)

  // The scope runs over several lines, up to the next label.
  const start = flat.findIndex((line) => line.includes('经营范围'))
  if (start >= 0) {
    const parts = [flat[start]?.slice((flat[start]?.indexOf('经营范围') ?? 0) + 4) ?? '']
    for (const line of flat.slice(start + 1)) {
      if (FIELD_LABELS.some((label) => line.startsWith(label))) break
      parts.push(line)
    }
    const scope = parts.join('').replace(/^[:：]/u, '')
    if (scope) out.fields.businessScope = scope
  }

  const established = valueAfter(lines, '成立日期')
  if (established) {
    const date = chineseDate(established)
    if (date) out.fields.establishedOn = date
    else out.unsure.push('establishedOn')
  }
  return out
}
