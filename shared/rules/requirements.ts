import type { Bilingual, RelationType } from '../i18n/labels'
import type { ScanKind } from './scan-kinds'

/** The platform form's upload slots (RULES.md §1); `email` is the email route's pack (R8). */
export type Slot = 'avatar' | 'industry' | 'other' | 'email'

/**
 * Who a requirement's file belongs to in the library, and how the plan's subject names it
 * (RULES.md §3): a trademark id, a person id, `FROM->TO` / `A<->B` for a relation, the
 * industry pair on the applicant company, nothing for the packet's own files.
 */
export type OwnerSpec =
  | { kind: 'packet' }
  | { kind: 'applicant' }
  | { kind: 'trademark' }
  | { kind: 'person' }
  | { kind: 'relation'; relationType: RelationType }

/** A letter PacketDesk can fill for this requirement: the built-in template per grantor kind. */
interface LetterSpec {
  company: string
  person: string | null
}

/** Everything the app knows about one requirement, in one place. */
export interface RequirementSpec {
  owner: OwnerSpec
  /** The form slot (RULES.md §1); link items move to `email` on the email route (R8). */
  slot: Exclude<Slot, 'email'>
  /** R8–R11 link documents: emailed with the rest when the route is email. */
  link: boolean
  /** R3, R13: only a colour scan of the original will do. */
  colourRequired: boolean
  /** ID copies are watermarked on export ("仅供小红书聚光资质认证使用"). */
  watermark: boolean
  /** How the export fits the file: square like the avatar (800×800 JPEG, R1) or an upload (≤ 1 MB, R2). */
  fit: 'square' | 'upload'
  /** R18: the scan kinds this requirement accepts; null accepts any kind. */
  acceptedScanKinds: readonly ScanKind[] | null
  /** What the requirement is called in the UI, lists and the checklist. */
  label: Bilingual
  /** The word that starts its exported file names (no `/`: it would become `_`). */
  fileLabel: Bilingual
  letter: LetterSpec | null
}

export type RequirementTable = Readonly<Record<string, RequirementSpec>>

const plain = {
  link: false,
  colourRequired: false,
  watermark: false,
  fit: 'upload',
  acceptedScanKinds: null,
  letter: null,
} as const

const trademarkPaper = (kinds: readonly ScanKind[] | null, label: Bilingual): RequirementSpec => ({
  ...plain,
  owner: { kind: 'trademark' },
  slot: 'other',
  acceptedScanKinds: kinds,
  label,
  fileLabel: label,
})

/**
 * RULES.md §3 and §4b, the one table: the requirement ids are its keys. Adding a requirement is
 * adding an entry here; every `Record<RequirementId, …>` elsewhere then fails to compile until it
 * says what the new id means to it.
 */
export const REQUIREMENTS = {
  avatar: {
    ...plain,
    owner: { kind: 'packet' },
    slot: 'avatar',
    fit: 'square',
    label: { zh: '账号头像', en: 'Account avatar' },
    fileLabel: { zh: '头像', en: 'Avatar' },
  },
  industry_qualification: {
    ...plain,
    owner: { kind: 'applicant' },
    slot: 'industry',
    colourRequired: true,
    label: { zh: '行业资质', en: 'Industry qualification' },
    fileLabel: { zh: '行业资质', en: 'Industry qualification' },
  },
  trademark_certificate: trademarkPaper(['trademark_certificate'], {
    zh: '商标注册证',
    en: 'Trademark certificate',
  }),
  trademark_acceptance_notice: trademarkPaper(['acceptance_notice'], {
    zh: '商标注册申请受理通知书',
    en: 'Application acceptance notice',
  }),
  trademark_transfer_notice: trademarkPaper(['transfer_notice'], {
    zh: '商标转让申请受理通知书',
    en: 'Transfer acceptance notice',
  }),
  trademark_change_proof: trademarkPaper(null, {
    zh: '核准变更证明',
    en: 'Approved change proof',
  }),
  trademark_transfer_proof: trademarkPaper(null, {
    zh: '核准转让证明',
    en: 'Approved transfer proof',
  }),
  trademark_renewal_proof: trademarkPaper(null, {
    zh: '核准续展证明',
    en: 'Approved renewal proof',
  }),
  authorization_letter: {
    ...plain,
    owner: { kind: 'relation', relationType: 'authorization' },
    slot: 'other',
    link: true,
    label: { zh: '授权书', en: 'Authorization letter' },
    fileLabel: { zh: '授权书', en: 'Authorization letter' },
    letter: { company: 'company-to-company', person: 'person-to-company' },
  },
  parent_subsidiary_proof: {
    ...plain,
    owner: { kind: 'relation', relationType: 'parent_subsidiary' },
    slot: 'other',
    link: true,
    label: { zh: '母子公司关系证明', en: 'Parent–subsidiary proof' },
    fileLabel: { zh: '母子公司关系证明', en: 'Parent–subsidiary proof' },
    letter: { company: 'parent-subsidiary', person: null },
  },
  general_agency_authorization: {
    ...plain,
    owner: { kind: 'relation', relationType: 'general_agency' },
    slot: 'other',
    link: true,
    label: { zh: '总代授权书', en: 'General agency authorization' },
    fileLabel: { zh: '总代授权书', en: 'General agency authorization' },
    letter: { company: 'general-agency', person: null },
  },
  registrant_id_copy: {
    ...plain,
    owner: { kind: 'person' },
    slot: 'other',
    link: true,
    watermark: true,
    acceptedScanKinds: ['resident_id', 'passport', 'hk_macao_permit', 'taiwan_permit'],
    label: { zh: '注册人身份证/护照复印件（签字）', en: 'Signed ID/passport copy' },
    fileLabel: { zh: '身份证件复印件', en: 'ID copy' },
  },
  icp_filing_screenshot: {
    ...plain,
    owner: { kind: 'packet' },
    slot: 'other',
    label: { zh: '工信部备案截图', en: 'ICP filing screenshot' },
    fileLabel: { zh: '工信部备案截图', en: 'ICP filing screenshot' },
  },
  software_copyright_certificate: {
    ...plain,
    owner: { kind: 'packet' },
    slot: 'other',
    colourRequired: true,
    label: { zh: '软件著作权登记证书', en: 'Software copyright certificate' },
    fileLabel: { zh: '软件著作权登记证书', en: 'Software copyright certificate' },
  },
} as const satisfies Record<string, RequirementSpec>

export type RequirementId = keyof typeof REQUIREMENTS

/** The ids in table order (the order plans and lists use). */
export const REQUIREMENT_IDS = Object.keys(REQUIREMENTS) as [RequirementId, ...RequirementId[]]

/**
 * Papers the library keeps that no plan asks for by themselves (the licence backs R3's business
 * scope and, once scans are read, fills the company's record).
 */
export const LIBRARY_PAPERS = {
  business_licence: {
    owner: { kind: 'applicant' },
    label: { zh: '营业执照', en: 'Business licence' },
  },
  /**
   * The CTMO query page for the mark, screenshotted (issue 13 item 16): its 商标流程 shows the
   * state (e.g. 转让受理通知打印发送 = transfer accepted, R7). Kept as evidence; no plan asks for it.
   */
  trademark_query_screenshot: {
    owner: { kind: 'trademark' },
    label: { zh: '商标查询截图（商标流程）', en: 'Trademark query screenshot (status history)' },
  },
} as const satisfies Record<string, { owner: OwnerSpec; label: Bilingual }>
