import { validateUscc } from '../validators/uscc'
import {
  chineseDate,
  compact,
  cutAtLabel,
  FIELD_LABELS,
  joinSplitLabels,
  nameOf,
  valueAfter,
  type Extracted,
} from './text'

/** The licence's right column: its rows may sit between the scope's lines. */
const RIGHT_COLUMN = [
  '注册资本',
  '成立日期',
  '注册日期',
  '营业期限',
  '住所',
  '经营场所',
  '营业场所',
  '组成形式',
]
/** What follows the scope at the licence's foot (登记机关 itself often lies under the seal). */
const SCOPE_ENDS = ['登记机关', '信用信息公示系统', '监督管理总局监制', '扫描', '网址']

/** A line that is only a date: the licence's issue date at its foot, under the seal. */
const onlyDate = (line: string): boolean =>
  /^\d{4}年\d{1,2}月\d{1,2}日?$/u.test(line) && chineseDate(line) !== null

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

  // The scope runs over several lines of the left column, up to the next label there; the
  // right column's rows (注册资本, 成立日期, 营业期限, 住所) may come between or after its lines.
  const lines2 = joinSplitLabels(flat)
  const start = lines2.findIndex((line) => line.includes('经营范围'))
  if (start >= 0) {
    const first = lines2[start] ?? ''
    const parts = [cutAtLabel(first.slice(first.indexOf('经营范围') + 4).replace(/^[:：]/u, ''))]
    for (const line of lines2.slice(start + 1)) {
      if (SCOPE_ENDS.some((end) => line.includes(end)) || onlyDate(line)) break
      const label = FIELD_LABELS.find((l) => line.startsWith(l))
      if (label && !RIGHT_COLUMN.includes(label)) break
      if (label) continue
      parts.push(cutAtLabel(line))
    }
    const scope = parts.join('')
    if (scope) out.fields.businessScope = scope
  }

  // 个体工商户 licences print 注册日期 where companies print 成立日期.
  const established = valueAfter(lines, '成立日期') ?? valueAfter(lines, '注册日期')
  if (established) {
    const date = chineseDate(established)
    if (date) out.fields.establishedOn = date
    else out.unsure.push('establishedOn')
  }
  return out
}
