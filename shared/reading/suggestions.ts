import type { Bilingual } from '../i18n/labels'
import { maskIdNumber } from '../library/mask'
import type { OwnerKind } from '../library/schemas'
import { normalName, normalNumber } from '../rules/scan-reads'
import type { ScanKind } from '../rules/scan-kinds'
import type { IdDocumentType } from '../validators'
import type { PaperRead } from './paper-read'

/** A record field a read field can fill (issue 12's 识别结果 panel). */
export type FillTarget =
  | 'company.name'
  | 'company.uscc'
  | 'company.businessScope'
  | 'person.name'
  | 'person.idNumber'
  | 'person.nationality'
  | 'trademark.regNo'
  | 'trademark.class'
  | 'trademark.validUntil'
  | 'trademark.acceptanceDate'
  | 'document.validUntil'

/** Which record field each read field goes to, by the kind of record the document is on. */
const TARGETS: Record<OwnerKind, Partial<Record<string, FillTarget>>> = {
  company: { name: 'company.name', uscc: 'company.uscc', businessScope: 'company.businessScope' },
  person: {
    name: 'person.name',
    number: 'person.idNumber',
    nationality: 'person.nationality',
    validUntil: 'document.validUntil',
    expiryDate: 'document.validUntil',
  },
  trademark: {
    regNo: 'trademark.regNo',
    class: 'trademark.class',
    validUntil: 'trademark.validUntil',
    acceptanceDate: 'trademark.acceptanceDate',
  },
  relation: { validUntil: 'document.validUntil' },
  packet: {},
}

/** The read fields' names as the panel shows them. */
const READ_FIELD_LABELS: Record<string, Bilingual> = {
  uscc: { zh: '统一社会信用代码', en: 'USCC' },
  name: { zh: '名称/姓名', en: 'Name' },
  legalRepresentative: { zh: '法定代表人', en: 'Legal representative' },
  businessScope: { zh: '经营范围', en: 'Business scope' },
  establishedOn: { zh: '成立日期', en: 'Established on' },
  number: { zh: '证件号码', en: 'ID number' },
  validUntil: { zh: '有效期至', en: 'Valid until' },
  nationality: { zh: '国籍', en: 'Nationality' },
  birthDate: { zh: '出生日期', en: 'Date of birth' },
  expiryDate: { zh: '有效期至', en: 'Date of expiry' },
  regNo: { zh: '注册号/申请号', en: 'Registration no.' },
  registrant: { zh: '注册人', en: 'Registrant' },
  class: { zh: '类别', en: 'Class' },
  applicant: { zh: '申请人', en: 'Applicant' },
  transferee: { zh: '受让人', en: 'Transferee' },
  acceptanceDate: { zh: '受理日期（盖章）', en: 'Acceptance date (stamp)' },
  recordNo: { zh: '备案号', en: 'Record no.' },
  organizer: { zh: '主办单位', en: 'Organizer' },
  registrationNo: { zh: '登记号', en: 'Registration no.' },
  owner: { zh: '著作权人', en: 'Copyright owner' },
  softwareName: { zh: '软件名称', en: 'Software name' },
}

/** The identity papers: their numbers are personal data (masked, never indexed). */
const ID_KINDS: Partial<Record<ScanKind, IdDocumentType>> = {
  resident_id: 'resident_id',
  passport: 'passport',
  hk_macao_permit: 'hk_macao_permit',
  taiwan_permit: 'taiwan_permit',
}

/** The ID document type a paper of this kind is, or null for other papers. */
export function idTypeOfKind(kind: ScanKind): IdDocumentType | null {
  return ID_KINDS[kind] ?? null
}

/** What the record holds where a read field would go (null: empty). */
export type RecordValues = Partial<Record<FillTarget, string | null>>

export interface ReadFieldView {
  name: string
  label: Bilingual
  /** As read; an identity paper's number masked. */
  value: string
  confidence: number
  unsure: boolean
  target: FillTarget | null
  /** The record's value there; an ID number masked. */
  current: string | null
  /** `empty`: the panel offers to fill it; `same` / `differs`: shown, never overwritten. */
  status: 'empty' | 'same' | 'differs' | 'none'
}

function same(target: FillTarget, a: string, b: string): boolean {
  if (target === 'trademark.class') return Number(a) === Number(b)
  if (target.endsWith('.name')) return normalName(a) === normalName(b)
  return normalNumber(a) === normalNumber(b)
}

/**
 * The read fields beside the record's (pure): each field's value and confidence, where it
 * would go, and whether that place is empty (fillable), the same, or different. An unsure field
 * is shown but never offered to fill. Identity numbers are masked on both sides.
 */
export function readFieldViews(
  read: PaperRead,
  ownerKind: OwnerKind,
  record: RecordValues,
): ReadFieldView[] {
  const idType = idTypeOfKind(read.kind)
  const mask = (field: string, value: string) =>
    idType && field === 'number' ? maskIdNumber(value) : value
  return Object.entries(read.fields).map(([name, value]) => {
    const unsure = read.unsure.includes(name)
    // A number goes to a person's record only from an identity paper.
    const target = name === 'number' && !idType ? null : (TARGETS[ownerKind][name] ?? null)
    const current = target ? (record[target] ?? null) : null
    const has = current !== null && current.trim() !== ''
    const status: ReadFieldView['status'] = !target
      ? 'none'
      : !has
        ? 'empty'
        : same(target, value, current)
          ? 'same'
          : 'differs'
    return {
      name,
      label: READ_FIELD_LABELS[name] ?? { zh: name, en: name },
      // Shown as it would be filled (a scope with its Chinese punctuation).
      value: target ? recordValueOf(target, mask(name, value)) : mask(name, value),
      confidence: read.confidence[name] ?? 0,
      unsure,
      target,
      current: target === 'person.idNumber' && has ? maskIdNumber(current) : current,
      status: status === 'empty' && unsure ? 'none' : status,
    }
  })
}

/**
 * The text of a read for the search index: every line, except an identity paper's (its number,
 * name and birth date are personal data, like the persons' ID numbers the index never holds).
 */
export function searchableReadText(read: PaperRead): string | null {
  if (idTypeOfKind(read.kind)) return null
  return read.pages.flatMap((page) => page.lines.map((line) => line.text)).join('\n')
}

const FULL_WIDTH: Record<string, string> = { ':': '：', ';': '；', ',': '，', '(': '（', ')': '）' }

/**
 * A read value as the record keeps it: reads are NFKC-normalised to compare (§4b), which turns a
 * licence's Chinese punctuation half-width; a business scope is written back with the Chinese
 * punctuation it was printed with.
 */
export function recordValueOf(target: FillTarget, value: string): string {
  if (target !== 'company.businessScope') return value
  return value.replace(/[:;,()]/gu, (c) => FULL_WIDTH[c] ?? c)
}
