import type { PacketState } from '../rules/packet-state'
import { isIsoDate } from '../dates'
import { ID_DOCUMENT_TYPES } from '../validators'
import type { ReadingSummary } from '../reading/reading-summary'
import { safeText } from '../text'
import { z } from '../zod-locale'

/** Inputs and outputs of the library's contract methods (RULES.md §2 entities). */
const text = (max: number) => safeText().trim().max(max)
const isoDate = z
  .string()
  .refine(isIsoDate, { message: '日期无效：应为真实存在的日期（YYYY-MM-DD）' })
const optionalDate = isoDate.nullable().optional()
export const entityId = z.string().min(1).max(64)

export const companyInputSchema = z
  .object({
    id: entityId.optional(),
    /** The version the form was loaded from: a save against a changed row is refused (STALE). */
    version: z.number().int().positive().optional(),
    name: text(200).min(1, '请填写公司名称'),
    region: z.enum(['domestic', 'foreign']),
    uscc: text(40).nullable().optional(),
    /** A USCC failing its check character is kept only with a reason (recorded). */
    usccOverrideReason: text(500).nullable().optional(),
    businessScope: text(5000).optional(),
    notes: text(5000).optional(),
  })
  .strict()
export type CompanyInput = z.infer<typeof companyInputSchema>

export interface Company {
  id: string
  name: string
  region: 'domestic' | 'foreign'
  uscc: string | null
  usccOverrideReason: string | null
  businessScope: string
  notes: string
  updatedAt: string
  /** Bumped by the database on every save (issue 11). */
  version: number
}

export const personInputSchema = z
  .object({
    id: entityId.optional(),
    /** The version the form was loaded from: a save against a changed row is refused (STALE). */
    version: z.number().int().positive().optional(),
    name: text(200).min(1, '请填写姓名'),
    idType: z.enum(ID_DOCUMENT_TYPES).nullable().optional(),
    idNumber: text(60).nullable().optional(),
    nationality: text(100).optional(),
    notes: text(5000).optional(),
  })
  .strict()
export type PersonInput = z.infer<typeof personInputSchema>

/** A person as lists show it: the number masked. */
export interface PersonSummary {
  id: string
  name: string
  idType: (typeof ID_DOCUMENT_TYPES)[number] | null
  idNumberMasked: string | null
  idNumberValid: boolean | null
  nationality: string
  notes: string
  updatedAt: string
  /** Bumped by the database on every save (issue 11). */
  version: number
}

export const TRADEMARK_STATUSES = [
  'registered',
  'application_accepted',
  'transfer_accepted',
] as const

export const trademarkInputSchema = z
  .object({
    id: entityId.optional(),
    /** The version the form was loaded from: a save against a changed row is refused (STALE). */
    version: z.number().int().positive().optional(),
    regNo: text(40),
    text: text(200).min(1, '请填写商标字符'),
    class: z.number().int().min(1).max(45).nullable().optional(),
    registrant: z.object({ kind: z.enum(['company', 'person']), id: entityId }).strict(),
    status: z.enum(TRADEMARK_STATUSES),
    validUntil: optionalDate,
    acceptanceDate: optionalDate,
    transfereeCompanyId: entityId.nullable().optional(),
    officialRegistrantDiffers: z.enum(['change', 'transfer']).nullable().optional(),
    /**
     * 查询日期: when the clerk last looked the mark up on the CTMO site (issue 13 item 16).
     * Absent: the stored date is kept; null clears it.
     */
    queryDate: optionalDate,
    notes: text(5000).optional(),
  })
  .strict()
export type TrademarkInput = z.infer<typeof trademarkInputSchema>

export interface Trademark {
  id: string
  regNo: string
  text: string
  class: number | null
  registrant: { kind: 'company' | 'person'; id: string; name: string }
  status: (typeof TRADEMARK_STATUSES)[number]
  validUntil: string | null
  acceptanceDate: string | null
  transfereeCompanyId: string | null
  officialRegistrantDiffers: 'change' | 'transfer' | null
  /** 查询日期 (YYYY-MM-DD): the last look-up on the CTMO site, or null. */
  queryDate: string | null
  notes: string
  updatedAt: string
  /** Bumped by the database on every save (issue 11). */
  version: number
}

export const RELATION_TYPES = ['authorization', 'general_agency', 'parent_subsidiary'] as const

export const relationInputSchema = z
  .object({
    id: entityId.optional(),
    /** The version the form was loaded from: a save against a changed row is refused (STALE). */
    version: z.number().int().positive().optional(),
    type: z.enum(RELATION_TYPES),
    from: z.object({ kind: z.enum(['company', 'person']), id: entityId }).strict(),
    toCompanyId: entityId,
    validFrom: optionalDate,
    validUntil: optionalDate,
    notes: text(5000).optional(),
  })
  .strict()
export type RelationInput = z.infer<typeof relationInputSchema>

export interface Relation {
  id: string
  type: (typeof RELATION_TYPES)[number]
  from: { kind: 'company' | 'person'; id: string; name: string }
  to: { id: string; name: string }
  validFrom: string | null
  validUntil: string | null
  notes: string
  /** Bumped by the database on every save (issue 11). */
  version: number
}

export const OWNER_KINDS = ['company', 'person', 'trademark', 'relation', 'packet'] as const
export type OwnerKind = (typeof OWNER_KINDS)[number]

export interface FileInfo {
  sha256: string
  format: string
  width: number
  height: number
  bytes: number
  pages: number
  color: boolean
  originalName: string
}

export interface LibraryDocument {
  id: string
  requirement: string
  ownerKind: OwnerKind
  ownerId: string
  subject: string
  catalogName: string | null
  file: FileInfo | null
  issuedOn: string | null
  validUntil: string | null
  notes: string
  /** When the clerk chose it as the one to use among several (a packet's avatar); else null. */
  preferredAt: string | null
  /** Bumped by the database on every save (issue 11). */
  version: number
  /** What reading its scan found so far, on this machine (issue 12; documents.list). */
  reading?: ReadingSummary
}

export interface SearchHit {
  kind: 'company' | 'person' | 'trademark' | 'document' | 'packet' | 'relation' | 'letter'
  id: string
  title: string
  /** A person found by part of an ID number: the number masked, never in full. */
  detail: string
  /**
   * A document's record (a hit inside a read scan, or by its type, opens the record it is on);
   * a letter's relation.
   */
  owner?: { kind: OwnerKind; id: string }
}

type ExpiryKind = 'trademark' | 'relation' | 'document'
export type ExpiryState = 'expired' | 'grace' | 'renewal_window' | 'soon' | 'ok'

export interface ExpiryItem {
  kind: ExpiryKind
  id: string
  title: string
  /** The same in English (issue 13 item 18). */
  titleEn: string
  validUntil: string
  daysLeft: number
  state: ExpiryState
  message: string
  /** A document's: the record it is filed on. */
  owner?: { kind: OwnerKind; id: string }
  /** A document's: what it is (its requirement id). */
  requirement?: string
}

export interface DeletedItem {
  kind: 'company' | 'person' | 'trademark' | 'relation' | 'document' | 'packet'
  id: string
  title: string
  deletedAt: string
}

const PREREQUISITES = ['xhsAccountWithPhone', 'professionalCertified', 'advertiserAccount'] as const
export type Prerequisite = (typeof PREREQUISITES)[number]

export const packetInputSchema = z
  .object({
    id: entityId.optional(),
    /** The version the form was loaded from: a save against a changed row is refused (STALE). */
    version: z.number().int().positive().optional(),
    applicantCompanyId: entityId,
    accountType: z.enum(['enterprise', 'employee']),
    accountName: text(100).min(1, '请填写账号名称'),
    promotedSubject: z.enum(['none', 'website', 'app']),
    industries: z
      .array(z.object({ primary: text(100).min(1), secondary: text(100).min(1) }).strict())
      .max(10),
    /**
     * Step 1's account-level 行业类别 (issue 13 item 15): one 一级/二级 pair, separate from
     * `industries` (Step 3's 推广行业). Absent: the stored choice is kept; null clears it.
     */
    accountIndustry: z
      .object({ primary: text(100).min(1), secondary: text(100).min(1) })
      .strict()
      .nullable()
      .optional(),
    trademarkIds: z.array(entityId).max(100),
    avatarFit: z.enum(['pad', 'crop']).optional(),
    prerequisites: z.partialRecord(z.enum(PREREQUISITES), z.boolean()).optional(),
    notes: text(5000).optional(),
  })
  .strict()
export type PacketInput = z.infer<typeof packetInputSchema>

export interface Packet {
  id: string
  applicantCompanyId: string
  applicantName: string
  accountType: 'enterprise' | 'employee'
  accountName: string
  promotedSubject: 'none' | 'website' | 'app'
  industries: { primary: string; secondary: string }[]
  /** Step 1's account-level 行业类别 (issue 13 item 15), null until chosen. */
  accountIndustry: { primary: string; secondary: string } | null
  trademarkIds: string[]
  avatarFit: 'pad' | 'crop'
  prerequisites: Partial<Record<Prerequisite, boolean>>
  notes: string
  updatedAt: string
  /** Bumped by the database on every save (issue 11). */
  version: number
  /** Hidden from the default packet list (issue 13 item 7). */
  archived: boolean
}

/** Where a plan requirement's file belongs (packets.requirementTarget). */
export type RequirementTarget =
  | {
      kind: 'documents'
      ownerKind: OwnerKind
      ownerId: string
      requirement: string
      subject: string
    }
  | { kind: 'relation'; relationId: string; requirement: string; letter: boolean }
  | { kind: 'chooseParent'; parties: { id: string; name: string }[] }

/** A packet in the list, with its state by the one definition of ready (shared/rules/readiness.ts). */
export interface PacketListItem extends Packet {
  ready: boolean
  route: 'online' | 'email'
  /** What the platform's form still lacks (each keeps the packet from being ready). */
  formProblems: string[]
  /** Its place in the work queue (shared/rules/packet-state.ts). */
  state: PacketState
  /** 更新时间: the last save, export or recorded submission, whichever is latest. */
  changedAt: string
}

export const submissionInputSchema = z
  .object({
    packetId: entityId,
    submittedOn: isoDate,
    result: z.enum(['pending', 'approved', 'rejected']),
    reasons: text(5000).optional(),
    tags: z.array(text(40).min(1)).max(20).optional(),
  })
  .strict()

export interface Submission {
  id: string
  packetId: string
  submittedOn: string
  result: 'pending' | 'approved' | 'rejected'
  reasons: string
  tags: string[]
  /**
   * What changed in the packet since this submission (for rejected ones): files, the packet's
   * fields and its records' fields (ID numbers masked), in both languages.
   */
  changesSince: { zh: string; en: string }[]
}

export interface LetterRecord {
  id: string
  relationId: string
  packetId: string | null
  requirement: 'authorization_letter' | 'general_agency_authorization' | 'parent_subsidiary_proof'
  template: string
  pdfSha256: string
  status: 'generated' | 'printed' | 'signed'
  validFrom: string
  validUntil: string
  createdAt: string
}
