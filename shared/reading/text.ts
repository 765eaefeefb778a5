import { isIsoDate } from '../dates'
import { normalName } from '../rules/scan-reads'

/**
 * Small pieces the field extractors share (issue 12): OCR lines in, normalised values out.
 * Pure, no OCR engine here.
 */

/** What an extractor returns: the fields read, and those read but not confirmed. */
export interface Extracted<F extends string> {
  fields: Partial<Record<F, string>>
  unsure: F[]
}

/** A line without any whitespace (OCR scatters spaces inside Chinese labels and values). */
export const compact = (line: string): string => line.normalize('NFKC').replace(/\s+/gu, '')

/**
 * A date as printed on Chinese papers — 2015年3月12日, 2015.03.12, 2015-03-12, 2015/3/12 — as
 * YYYY-MM-DD, or null when it is not a real date (never guessed).
 */
export function chineseDate(text: string): string | null {
  const match = /(\d{4})\s*[年.\-/]\s*(\d{1,2})\s*[月.\-/]\s*(\d{1,2})\s*日?/u.exec(
    text.normalize('NFKC'),
  )
  if (!match) return null
  const iso = `${match[1]}-${(match[2] ?? '').padStart(2, '0')}-${(match[3] ?? '').padStart(2, '0')}`
  return isIsoDate(iso) ? iso : null
}

/** Labels the papers print before a value: a line starting with one is not another's value. */
export const FIELD_LABELS = [
  '姓名',
  '性别',
  '民族',
  '出生',
  '住址',
  '公民身份号码',
  '签发机关',
  '有效期',
  '统一社会信用代码',
  '名称',
  '类型',
  '法定代表人',
  '负责人',
  '经营者',
  '经营范围',
  '注册资本',
  '成立日期',
  '营业期限',
  '住所',
  '经营场所',
  '营业场所',
  '组成形式',
  '注册日期',
  '登记机关',
  '注册人',
  '注册号',
  '申请号',
  '申请人',
  '申请日期',
  '受让人',
  '主办单位',
  '软件名称',
  '著作权人',
  '登记号',
  '号码',
]

/**
 * The value cut where another label starts inside it: the OCR joins a row's boxes, so a value in
 * the left column runs on into the right one ("周立群营业期限2019年…").
 */
export function cutAtLabel(value: string): string {
  let end = value.length
  for (const label of FIELD_LABELS) {
    const at = value.indexOf(label)
    if (at > 0 && at < end) end = at
  }
  return value.slice(0, end)
}

/**
 * Lines with a label put back together: a label printed spread out ("名  称" set wide) may come out as
 * its first character alone on a line, the rest starting the next.
 */
export function joinSplitLabels(lines: readonly string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    const next = lines[i + 1]
    const split =
      next !== undefined &&
      line.length > 0 &&
      FIELD_LABELS.some(
        (label) =>
          label.length > line.length &&
          label.startsWith(line) &&
          next.startsWith(label.slice(line.length)),
      )
    if (split) {
      out.push(line + next)
      i++
    } else out.push(line)
  }
  return out
}

/**
 * Where `label` starts a line: anywhere in it, or — for a two-character label printed spread
 * out — at its start with one stray character read in the gap ("名禾称…").
 */
function findLabel(line: string, label: string): { at: number; length: number } | null {
  const at = line.indexOf(label)
  if (at >= 0) return { at, length: label.length }
  if (label.length === 2 && line.length > 3 && line[0] === label[0] && line[2] === label[1]) {
    return { at: 0, length: 3 }
  }
  return null
}

/**
 * The value printed after `label` (its characters possibly spread with spaces) on the same
 * line, or on the next line when the label stands alone (unless that line is another label's);
 * cut where another label starts (the next column); null when the label is not there.
 */
export function valueAfter(lines: readonly string[], label: string): string | null {
  const flat = joinSplitLabels(lines.map(compact))
  for (const [i, line] of flat.entries()) {
    const found = findLabel(line, label)
    if (!found) continue
    const rest = cutAtLabel(line.slice(found.at + found.length).replace(/^[:：]/u, ''))
    if (rest) return rest
    const next = flat[i + 1]
    return next && !FIELD_LABELS.some((other) => next.startsWith(other)) ? cutAtLabel(next) : null
  }
  return null
}

/** A name as §4b compares it: NFKC, no spaces. */
export const nameOf = (value: string): string => normalName(value)
