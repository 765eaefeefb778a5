import { AppError } from '../../../shared/errors'
import { parseIsoDate } from '../../../shared/dates'
import {
  ID_DOCUMENT_LABELS,
  normalizeNumber,
  validateIdDocument,
  type IdDocumentType,
} from '../../../shared/validators'
import type { LetterData } from './data'
import type { RowKey, Values } from './placeholders'
import type { LetterTemplate } from './template-schema'

export interface LetterValues {
  scalars: Values
  rows: Record<RowKey, string>[]
  /** Every data text that gets printed, with its field, for the glyph check. */
  printed: { field: string; text: string }[]
}

export interface ValueOptions {
  /** parent-subsidiary: which party is the parent company (default: the grantor). */
  parent?: 'grantor' | 'grantee'
}

const ID_TYPE_EN: Record<IdDocumentType, string> = {
  resident_id: 'Resident Identity Card',
  passport: 'Passport',
  hk_macao_permit: 'Mainland Travel Permit for Hong Kong and Macao Residents',
  taiwan_permit: 'Mainland Travel Permit for Taiwan Residents',
}

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** 2026-11-28 → 2026年11月28日 (the form used in Chinese letters). */
export function chineseDate(iso: string): string {
  const d = parseIsoDate(iso)
  return d ? `${d.year}年${d.month}月${d.day}日` : iso
}

/** 2026-11-28 → 28 November 2026 (unambiguous in British and American reading). */
function englishDate(iso: string): string {
  const d = parseIsoDate(iso)
  return d ? `${d.day} ${MONTHS_EN[d.month - 1] ?? ''} ${d.year}` : iso
}

/** Refuse data the template's wording does not fit (RULES.md R9–R11). */
function checkGrantorFits(template: LetterTemplate, data: LetterData): void {
  const { grantor } = data
  if (!template.grantor.kinds.includes(grantor.kind)) {
    const message =
      grantor.kind === 'person'
        ? `“${template.label}”不适用于自然人授权方：自然人授权请使用模板 person-to-company（自然人授权书）`
        : `“${template.label}”只适用于自然人授权方：企业授权请使用 company-to-company、general-agency 或 parent-subsidiary`
    throw new AppError('INVALID_ARGUMENT', message, 'grantor.kind')
  }
  const regions = template.grantor.regions
  if (grantor.kind === 'company' && regions && !regions.includes(grantor.region)) {
    const wanted = regions.map((r) => (r === 'foreign' ? '境外企业' : '境内企业')).join('或')
    throw new AppError(
      'INVALID_ARGUMENT',
      `“${template.label}”的授权方应为${wanted}（RULES.md R9/R10）`,
      'grantor.region',
    )
  }
}

/** The person's number, normalised and checked: R11 requires a valid one in the letter. */
function personNumber(type: IdDocumentType, number: string, asOf: string): string {
  const result = validateIdDocument(type, number, asOf)
  if (!result.valid) {
    // The reason never quotes the number: error messages may end up in logs.
    throw new AppError(
      'INVALID_ARGUMENT',
      `${ID_DOCUMENT_LABELS[type]}号码无效，自然人授权书须载明授权人有效的证件号码（RULES.md R11）：${result.reason ?? '格式不正确'}`,
      'grantor.idDocument.number',
    )
  }
  return result.normalized
}

export function letterValues(
  template: LetterTemplate,
  data: LetterData,
  options: ValueOptions = {},
): LetterValues {
  checkGrantorFits(template, data)
  const { grantor, grantee } = data
  const scalars: Values = {
    'grantor.name': grantor.name,
    'grantee.name': grantee.name,
    'grantee.uscc': grantee.uscc ? normalizeNumber(grantee.uscc) : undefined,
    validFrom: chineseDate(data.validFrom),
    validUntil: chineseDate(data.validUntil),
    date: chineseDate(data.date),
    'validFrom.en': englishDate(data.validFrom),
    'validUntil.en': englishDate(data.validUntil),
    'date.en': englishDate(data.date),
  }
  const printed = [
    { field: 'grantor.name', text: grantor.name },
    { field: 'grantee.name', text: grantee.name },
    { field: 'grantee.uscc', text: scalars['grantee.uscc'] ?? '' },
  ]
  if (grantor.kind === 'person') {
    const { type, number } = grantor.idDocument
    scalars['grantor.idType'] = ID_DOCUMENT_LABELS[type]
    scalars['grantor.idType.en'] = ID_TYPE_EN[type]
    scalars['grantor.idNumber'] = personNumber(type, number, data.date)
  } else {
    scalars['grantor.uscc'] = grantor.uscc ? normalizeNumber(grantor.uscc) : undefined
    printed.push({ field: 'grantor.uscc', text: scalars['grantor.uscc'] ?? '' })
  }
  const [parent, child] =
    options.parent === 'grantee' ? ['grantee', 'grantor'] : ['grantor', 'grantee']
  for (const [role, party] of [
    ['parent', parent],
    ['child', child],
  ] as const) {
    scalars[`${role}.name`] = scalars[`${party}.name`]
    scalars[`${role}.uscc`] = scalars[`${party}.uscc`]
  }
  const rows = data.trademarks.map((t, i) => {
    printed.push({ field: `trademarks.${i}.text`, text: t.text })
    printed.push({ field: `trademarks.${i}.regNo`, text: normalizeNumber(t.regNo) })
    return {
      index: String(i + 1),
      text: t.text,
      regNo: normalizeNumber(t.regNo),
      class: String(t.class),
    }
  })
  return { scalars, rows, printed }
}
