import type { ScanKind } from '../rules/scan-kinds'
import { validateTrademarkNo } from '../validators/trademark-no'
import { extractBusinessLicence } from './business-licence'
import { readMrz } from './mrz'
import { extractResidentId } from './resident-id'
import { chineseDate, compact, nameOf, valueAfter, type Extracted } from './text'

/** A date as printed, real or not: 2026年08月03日, or 26年08月03 when a seal hides "20" and 日. */
const DATE_PRINTED = /\d{1,4}年\d{1,2}月\d{1,2}/u

/**
 * The last date printed on the page: a notice's stamp date sits at its foot (R17). When that
 * last date is not a real date (a seal over its digits), null — never an earlier date instead.
 */
/** Which line holds the last date printed (real or not), or -1: where a stamp date sits. */
export function lastDateLine(lines: readonly string[]): number {
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = compact(lines[i] ?? '')
    if (chineseDate(line) || DATE_PRINTED.test(line)) return i
  }
  return -1
}

function lastDate(lines: readonly string[]): string | null {
  for (const line of [...lines].reverse()) {
    const date = chineseDate(line)
    if (date) return date
    if (DATE_PRINTED.test(compact(line))) return null
  }
  return null
}

/** The end of a validity printed as `… 至 2026年05月13日` or `2019.01.01-2029.01.01`. */
function periodEnd(value: string | null): string | null {
  if (!value) return null
  return chineseDate(value.split(/至|[-—–~]/u).at(-1) ?? '')
}

/** A trademark's number: 第 12345678 号, 注册号/申请号 12345678. */
function trademarkNumber(lines: readonly string[], labels: readonly string[]): string | null {
  for (const label of labels) {
    const value = valueAfter(lines, label)
    const digits = value ? /^\d{5,9}/u.exec(value)?.[0] : undefined
    if (digits) return digits
  }
  const text = lines.map(compact).join('\n')
  return /第(\d{5,9})号/u.exec(text)?.[1] ?? null
}

function put<F extends string>(out: Extracted<F>, field: F, value: string | null, sure = true) {
  if (value) out.fields[field] = value
  if (!value || !sure) out.unsure.push(field)
}

function trademarkCertificate(lines: readonly string[]) {
  const out: Extracted<'regNo' | 'registrant' | 'class' | 'validUntil'> = { fields: {}, unsure: [] }
  const regNo = trademarkNumber(lines, ['注册号', '注册证号'])
  put(out, 'regNo', regNo, regNo !== null && validateTrademarkNo(regNo).valid)
  const registrant = valueAfter(lines, '注册人')
  put(out, 'registrant', registrant ? nameOf(registrant) : null)
  const text = lines.map(compact).join('\n')
  const cls = /第(\d{1,2})类/u.exec(text)?.[1]
  const number = cls ? String(Number(cls)) : null
  put(out, 'class', number, number !== null && Number(number) >= 1 && Number(number) <= 45)
  put(out, 'validUntil', periodEnd(valueAfter(lines, '有效期')))
  return out
}

function notice(lines: readonly string[], party: '申请人' | '受让人') {
  const out: Extracted<'regNo' | 'applicant' | 'transferee' | 'acceptanceDate'> = {
    fields: {},
    unsure: [],
  }
  put(out, 'regNo', trademarkNumber(lines, ['申请号', '注册号']))
  const who = valueAfter(lines, party)
  put(out, party === '申请人' ? 'applicant' : 'transferee', who ? nameOf(who) : null)
  put(out, 'acceptanceDate', lastDate(lines))
  return out
}

function permit(lines: readonly string[], number: RegExp) {
  const out: Extracted<'name' | 'number' | 'validUntil'> = { fields: {}, unsure: [] }
  const name = valueAfter(lines, '姓名')
  if (name) out.fields.name = nameOf(name)
  const found = number.exec(lines.map(compact).join('\n').toUpperCase())?.[0]
  if (found) out.fields.number = found
  put(out, 'validUntil', periodEnd(valueAfter(lines, '有效期限')))
  return out
}

function icpFiling(lines: readonly string[]) {
  const out: Extracted<'recordNo' | 'organizer'> = { fields: {}, unsure: [] }
  const text = lines.map(compact).join('\n')
  put(out, 'recordNo', /[\u4e00-\u9fff]ICP备\d+号(?:-\d+)?/u.exec(text)?.[0] ?? null)
  const flat = lines.map(compact)
  const organizer = flat.some((line) => line.includes('主办单位名称'))
    ? (tableValue(lines, '主办单位名称') ??
      valueAfter(lines, '主办单位名称') ??
      organizerAfterHeader(flat))
    : valueAfter(lines, '主办单位')
  put(out, 'organizer', organizer ? nameOf(organizer) : null)
  return out
}

/** How an organizer's name ends: a company, an institution, a shop. */
const ORGANIZER_END =
  /(公司|集团|中心|研究院|研究所|事务所|工作室|商行|店|厂|协会|学会|学校|医院|大学|学院)$/u

/**
 * A results table read cell by cell (a header's cells, then a row's): the first cell after the
 * 主办单位名称 header that reads as an organization's name.
 */
function organizerAfterHeader(flat: readonly string[]): string | null {
  const header = flat.findIndex((line) => line.includes('主办单位名称'))
  return flat.slice(header + 1, header + 16).find((cell) => ORGANIZER_END.test(cell)) ?? null
}

/**
 * A value from a results table (the ICP search's list): a header row of labels, then a row of
 * values in the same columns — the OCR joins each row's cells with spaces. Null unless the two
 * rows have as many cells.
 */
function tableValue(lines: readonly string[], header: string): string | null {
  const cells = (line: string) => line.normalize('NFKC').trim().split(/\s+/u)
  for (const [i, line] of lines.entries()) {
    const heads = cells(line)
    const column = heads.indexOf(header)
    if (column < 0 || heads.length < 3) continue
    const values = cells(lines[i + 1] ?? '')
    return values.length === heads.length ? (values[column] ?? null) : null
  }
  return null
}

function softwareCopyright(lines: readonly string[]) {
  const out: Extracted<'registrationNo' | 'owner' | 'softwareName'> = { fields: {}, unsure: [] }
  const text = lines.map(compact).join('\n').toUpperCase()
  put(out, 'registrationNo', /\d{4}SR\d{5,8}/u.exec(text)?.[0] ?? null)
  const owner = valueAfter(lines, '著作权人')
  put(out, 'owner', owner ? nameOf(owner) : null)
  const software = valueAfter(lines, '软件名称')
  put(out, 'softwareName', software ? nameOf(software) : null)
  return out
}

/**
 * The fields of a page of `kind` (issue 12's list), normalised (§4b), with those read but not
 * confirmed listed as unsure. Kinds without fields (the 核准…证明 papers, `unknown`) give none.
 */
export function extractFields(
  kind: ScanKind,
  lines: readonly string[],
  today: string,
): Extracted<string> {
  switch (kind) {
    case 'business_licence':
      return extractBusinessLicence(lines)
    case 'resident_id':
      return extractResidentId(lines, today)
    case 'passport': {
      const read = readMrz(lines, today)
      return read ? { fields: read.fields, unsure: read.unsure } : { fields: {}, unsure: [] }
    }
    case 'trademark_certificate':
      return trademarkCertificate(lines)
    case 'acceptance_notice':
      return notice(lines, '申请人')
    case 'transfer_notice':
      return notice(lines, '受让人')
    case 'hk_macao_permit':
      return permit(lines, /[HM]\d{8,10}/u)
    case 'taiwan_permit':
      return permit(lines, /(?<!\d)\d{8}(?!\d)/u)
    case 'icp_filing':
      return icpFiling(lines)
    case 'software_copyright':
      return softwareCopyright(lines)
    case 'change_proof':
    case 'transfer_proof':
    case 'renewal_proof':
    case 'unknown':
      return { fields: {}, unsure: [] }
  }
}

/** Papers whose date is a stamp date at their foot, often under the seal (R17). */
export function hasStampDate(kind: ScanKind): boolean {
  return kind === 'acceptance_notice' || kind === 'transfer_notice'
}
