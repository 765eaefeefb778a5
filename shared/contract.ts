import { z } from './zod-locale'
import {
  OWNER_KINDS,
  companyInputSchema,
  entityId,
  personInputSchema,
  relationInputSchema,
  trademarkInputSchema,
  packetInputSchema,
  submissionInputSchema,
  type Company,
  type LetterRecord,
  type Packet,
  type PacketListItem,
  type RequirementTarget,
  type Submission,
  type DeletedItem,
  type ExpiryItem,
  type LibraryDocument,
  type PersonSummary,
  type Relation,
  type SearchHit,
  type Trademark,
} from './library/schemas'
import { isIsoDate } from './dates'
import { MAX_BUNDLE_LETTERS, MAX_IMPORT_BASE64_CHARS } from './limits'
import type { TodayExpiries, TodayHead, TodayOverview } from './overview/today'
import { industryEntrySchema, type IndustryCatalog } from './industries/catalog'
import type { Plan } from './rules/types'
import type { MethodName } from './methods'
import type { Envelope } from './errors'
import { emailRecipientProblem } from './platform/links'
import { isDocumentPurpose, isRequirementId } from './rules/requirement-derive'
import type { DocumentReading, ReadingStatusView } from './reading/document-reading'

/**
 * The single list of capabilities the renderer (and the CLI) can call.
 * Each entry: a zod schema that every door parses its input with, and a zod
 * schema describing the output (its type is what callers get).
 */
const LANGUAGES = ['zh-CN', 'en'] as const
export const languageSchema = z.enum(LANGUAGES)
export type Language = z.infer<typeof languageSchema>

const noInput = z.object({}).strict()

const systemInfoSchema = z.object({
  appVersion: z.string(),
  dataDir: z.string(),
  sqliteVersion: z.string(),
  schemaVersion: z.number().int(),
  /** Documents whose stored file is missing (found by the startup sweep). */
  filesMissing: z.number().int(),
  /** Stray files the startup sweep removed. */
  orphansRemoved: z.number().int(),
})
export type SystemInfo = z.infer<typeof systemInfoSchema>

const settingsSchema = z.object({ language: languageSchema })

/** 设置 → 团队资料库 and the offline banner (issue 11 items 6–7). */
export interface TeamStatus {
  /** `local`: the data folder's own library; `team`: the team library on PostgreSQL. */
  mode: 'local' | 'team'
  /** The team library's address without the password. */
  url: string | null
  user: string | null
  state: 'online' | 'offline'
  since: string | null
  /** Why it is offline, in Chinese. */
  message: string | null
  retryAt: string | null
  /** The login is kept (Electron: in the OS keychain through safeStorage); host: this run only. */
  remembered: boolean
}

const byId = z.object({ id: entityId }).strict()
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, '应为 64 位十六进制 SHA-256')
const deletableKind = z.enum(['company', 'person', 'trademark', 'relation', 'document', 'packet'])
const optionalDate = z
  .string()
  .refine(isIsoDate, { message: '日期无效：应为真实存在的日期（YYYY-MM-DD）' })
  .nullable()
  .optional()
/** A built-in letter's paragraphs, as shipped and as the user edited them (a copy). */
export interface BuiltinWording {
  name: string
  label: string
  paragraphs: string[]
  original: string[]
  edited: boolean
}

/** The letters of a batch (全部打印 / 保存到文件夹). */
const letterIds = z
  .array(entityId)
  .min(1, '没有要处理的授权书')
  .max(MAX_BUNDLE_LETTERS, `一次最多 ${MAX_BUNDLE_LETTERS} 份授权书`)
/** A folder typed in by hand (the browser host has no folder dialog). */
const folderPath = z
  .string()
  .trim()
  .min(1, '请填写文件夹路径')
  .max(400, '路径太长')
  .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p), '请填写完整的文件夹路径')

/** Outputs are produced by our own backend: typed, not re-validated. */
const out = <T>() => z.custom<T>(() => true)

/** Largest file accepted over the contract (base64 inflates by 4/3; the host's body limit follows). */

/**
 * User letter templates: the data items a box or an AcroForm field can show.
 * The values come from the same letter data as the built-in letters.
 */
export const TEMPLATE_DATA_ITEMS = [
  { id: 'grantor.name', zh: '授权方名称', en: 'Grantor name' },
  { id: 'grantor.idType', zh: '授权方证件类型', en: 'Grantor ID type' },
  { id: 'grantor.idNumber', zh: '授权方证件号码', en: 'Grantor ID number' },
  { id: 'grantor.uscc', zh: '授权方统一社会信用代码', en: 'Grantor USCC' },
  { id: 'grantee.name', zh: '被授权方名称', en: 'Grantee name' },
  { id: 'grantee.uscc', zh: '被授权方统一社会信用代码', en: 'Grantee USCC' },
  { id: 'trademarks.text', zh: '商标文字', en: 'Trademark text' },
  { id: 'trademarks.regNo', zh: '商标注册号', en: 'Trademark number' },
  { id: 'trademarks.class', zh: '商标类别', en: 'Trademark class' },
  { id: 'scope', zh: '授权范围', en: 'Scope' },
  { id: 'validFrom', zh: '授权起始日期', en: 'Valid from' },
  { id: 'validUntil', zh: '授权截止日期', en: 'Valid until' },
  { id: 'date', zh: '落款日期', en: 'Date' },
] as const
const TEMPLATE_DATA_ITEM_IDS = TEMPLATE_DATA_ITEMS.map((i) => i.id) as [
  (typeof TEMPLATE_DATA_ITEMS)[number]['id'],
  ...(typeof TEMPLATE_DATA_ITEMS)[number]['id'][],
]
export type TemplateDataItem = (typeof TEMPLATE_DATA_ITEM_IDS)[number]
const dataItemSchema = z.enum(TEMPLATE_DATA_ITEM_IDS, {
  error: () => '未知的数据项：请从列表中选择',
})
const points = z.number().min(0).max(14400)

/** A text box placed on a flat page, in PDF points (origin bottom left). */
export const flatFieldSchema = z
  .object({
    id: z.string().min(1).max(40),
    dataItem: dataItemSchema,
    page: z.number().int().min(1).max(500),
    x: points,
    y: points,
    width: points.min(4, '文本框宽度至少 4 pt'),
    height: points.min(4, '文本框高度至少 4 pt'),
    fontSize: z.number().min(4).max(72).optional(),
  })
  .strict()
/** An AcroForm field of the imported PDF and the data item it shows. */
export const acroFieldSchema = z
  .object({ fieldName: z.string().min(1).max(500), dataItem: dataItemSchema })
  .strict()
export type FlatTemplateField = z.infer<typeof flatFieldSchema>
export type AcroTemplateField = z.infer<typeof acroFieldSchema>
export type TemplateField = FlatTemplateField | AcroTemplateField

export interface LetterTemplateSummary {
  id: string
  name: string
  kind: 'acroform' | 'flat'
  pdfSha256: string
  fieldCount: number
  createdAt: string
  updatedAt: string
  /** Bumped by the database on every save (issue 11). */
  version: number
}

export interface LetterTemplateDetail extends LetterTemplateSummary {
  pageCount: number
  /** Page sizes in PDF points. */
  pages: { width: number; height: number }[]
  /** The AcroForm's field names (text fields), empty for a flat PDF. */
  acroFields: string[]
  fields: TemplateField[]
}

/**
 * `write`: a successful call may change what a list or read view shows (a save, delete, import,
 * letter, export, restore …); the backend then tells every open window (`library.changed`,
 * shared/events.ts). `read`: it does not — audit rows alone (an ID reveal, a backup, a letter's
 * PDF) do not count, no window shows them. Declared on every entry, so a new method must choose.
 */
type Effect = 'read' | 'write'

interface ContractEntry {
  effect: Effect
  input: z.ZodType
  output: z.ZodType
}

/**
 * A file's bytes, base64-encoded (IPC and HTTP carry JSON): at most MAX_IMPORT_BYTES, and valid
 * base64 — a damaged payload is refused, never stored as an empty or truncated file.
 */
const fileData = z
  .string()
  .max(MAX_IMPORT_BASE64_CHARS, '文件超过 50 MB 上限')
  .refine(isBase64Alphabet, '文件内容不是有效的 base64 编码')
  .refine((value) => value.length % 4 === 0, '文件内容不是有效的 base64 编码（长度不对）')

/**
 * Only base64 characters, `=` only as the last one or two. A search for one bad character
 * (not an anchored `^[…]*$` match): ~10× faster on a 50 MB import, which the host's main
 * thread would otherwise spend blocked.
 */
function isBase64Alphabet(value: string): boolean {
  if (/[^A-Za-z0-9+/=]/.test(value)) return false
  const pad = value.indexOf('=')
  const last = value.length - 1
  return pad === -1 || pad === last || (pad === last - 1 && value[last] === '=')
}

export const contract = {
  'system.info': { effect: 'read', input: noInput, output: systemInfoSchema },
  'settings.get': { effect: 'read', input: noInput, output: settingsSchema },
  /** 设置 → 备份: the whole library as one verified archive in `outDir` (restore: cli restore). */
  'system.backup': {
    effect: 'read',
    input: z
      .object({
        outDir: z
          .string()
          .min(1)
          .max(400)
          .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p), '请填写完整的文件夹路径'),
      })
      .strict(),
    output: out<{ file: string; files: number; bytes: number }>(),
  },
  /**
   * 设置 → 恢复: replace the library with a backup archive, verified in full first; the current
   * library is kept aside (`previous`). Refused while another call is restoring.
   */
  'team.status': { effect: 'read', input: noInput, output: out<TeamStatus>() },
  /**
   * Connect to a team library (the address without the password, the password apart): checked
   * first (login, schema), then the app switches to it; the login is kept as the door allows.
   */
  'team.connect': {
    effect: 'write',
    input: z
      .object({
        url: z
          .string()
          .trim()
          .min(1, '请填写团队资料库地址')
          .max(500)
          .regex(/^postgres(ql)?:\/\//, '地址应以 postgres:// 开头'),
        password: z.string().min(1, '请填写密码').max(200),
      })
      .strict(),
    output: out<TeamStatus>(),
  },
  /** Back to this computer's own library (the team library is not touched). */
  'team.disconnect': { effect: 'write', input: noInput, output: out<TeamStatus>() },
  'system.restore': {
    effect: 'write',
    input: z
      .object({
        archivePath: z
          .string()
          .min(1)
          .max(400)
          .refine(
            (p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p),
            '请填写备份文件的完整路径',
          ),
      })
      .strict(),
    output: out<{ previous: string | null; files: number }>(),
  },
  'settings.setLanguage': {
    effect: 'write',
    input: z.object({ language: languageSchema }).strict(),
    output: settingsSchema,
  },
  'companies.list': { effect: 'read', input: noInput, output: out<Company[]>() },
  'companies.save': { effect: 'write', input: companyInputSchema, output: out<Company>() },
  'persons.list': { effect: 'read', input: noInput, output: out<PersonSummary[]>() },
  'persons.save': { effect: 'write', input: personInputSchema, output: out<PersonSummary>() },
  'persons.revealIdNumber': {
    effect: 'read',
    input: byId,
    output: out<{ idNumber: string | null }>(),
  },
  'trademarks.list': { effect: 'read', input: noInput, output: out<Trademark[]>() },
  'trademarks.save': { effect: 'write', input: trademarkInputSchema, output: out<Trademark>() },
  /**
   * 在商标局网站查询 (issue 13 item 16): the Electron door copies the registration number to the
   * clipboard and opens the fixed CTMO query site in the system browser (`handled`); the host and
   * the CLI cannot, and say so (`handled: false`: the page opens it itself). Changes nothing.
   */
  'trademarks.openOfficeSearch': {
    effect: 'read',
    input: z.object({ regNo: z.string().trim().min(1, '请先填写注册号').max(40) }).strict(),
    output: out<{ handled: boolean; regNo: string; url: string }>(),
  },
  /** 设置 → 邮件提交收件地址 (issue 13 item 17); null when none is set (the default). */
  'settings.emailRecipient': {
    effect: 'read',
    input: noInput,
    output: out<{ address: string | null }>(),
  },
  'settings.setEmailRecipient': {
    effect: 'write',
    input: z
      .object({
        address: z
          .string()
          .max(300)
          .superRefine((value, issue) => {
            const problem = emailRecipientProblem(value)
            if (problem) issue.addIssue({ code: 'custom', message: problem })
          }),
      })
      .strict(),
    output: out<{ address: string | null }>(),
  },
  'relations.list': {
    effect: 'read',
    input: z.object({ entityId: entityId.optional() }).strict(),
    output: out<Relation[]>(),
  },
  'relations.save': { effect: 'write', input: relationInputSchema, output: out<Relation>() },
  'documents.list': {
    effect: 'read',
    input: z.object({ ownerKind: z.enum(OWNER_KINDS), ownerId: entityId }).strict(),
    output: out<LibraryDocument[]>(),
  },
  'documents.import': {
    effect: 'write',
    input: z
      .object({
        ownerKind: z.enum(OWNER_KINDS),
        ownerId: entityId,
        // Checked against the requirements table at call time (requirements.ts).
        requirement: z
          .string()
          .max(60)
          .refine((id) => isDocumentPurpose(id), '未知的材料用途'),
        subject: z.string().max(200).optional(),
        catalogName: z.string().max(200).nullable().optional(),
        fileName: z.string().max(255),
        dataBase64: fileData,
        issuedOn: optionalDate,
        validUntil: optionalDate,
      })
      .strict(),
    output: out<LibraryDocument>(),
  },
  /** Use this one among several (a packet's avatar for the export, issue 13 item 6). */
  'documents.prefer': { effect: 'write', input: byId, output: out<LibraryDocument>() },
  'documents.update': {
    effect: 'write',
    input: z
      .object({
        id: entityId,
        issuedOn: optionalDate,
        validUntil: optionalDate,
        notes: z.string().max(5000).optional(),
        /** The version the form was loaded from (a save against a changed row: STALE). */
        version: z.number().int().positive().optional(),
      })
      .strict(),
    output: out<LibraryDocument>(),
  },
  'files.thumbnail': {
    effect: 'read',
    input: z.object({ sha256 }).strict(),
    /** `obscured`: an ID scan's thumbnail, blurred so its number cannot be read from a list. */
    output: out<{ dataUrl: string; obscured: boolean }>(),
  },
  'files.view': {
    effect: 'read',
    input: z.object({ sha256, page: z.number().int().min(1).max(500) }).strict(),
    output: out<{ dataUrl: string; pages: number; width: number; height: number }>(),
  },
  /** Scan reading (issue 12): the queue, a document's reading, filling empty fields from it. */
  'reading.status': { effect: 'read', input: noInput, output: out<ReadingStatusView>() },
  'reading.document': { effect: 'read', input: byId, output: out<DocumentReading>() },
  /** Read a document's scan (again): queued behind what is being read. Changes no record. */
  'reading.start': { effect: 'read', input: byId, output: out<DocumentReading>() },
  /** Read every stored scan not read yet (documents imported before reading existed). */
  'reading.startAll': { effect: 'read', input: noInput, output: out<ReadingStatusView>() },
  /** Stop reading: the queue is emptied and the page being read is stopped. */
  'reading.cancel': { effect: 'read', input: noInput, output: out<ReadingStatusView>() },
  /** Fill the record's empty fields from the document's reading; never overwrites. */
  'reading.fill': {
    effect: 'write',
    input: z
      .object({
        id: entityId,
        fields: z.array(z.string().min(1).max(40)).min(1).max(20),
      })
      .strict(),
    output: out<{ filled: string[]; reading: DocumentReading }>(),
  },
  /** The line a field was read from, as a picture (an ID scan's: an audited reveal). */
  'reading.crop': {
    effect: 'read',
    input: z.object({ id: entityId, field: z.string().min(1).max(40) }).strict(),
    output: out<{ dataUrl: string }>(),
  },
  /**
   * What moving a document to the recycle bin would do (issue 13 item 2): the packets ready now
   * that would stop being ready without it.
   */
  'library.deleteImpact': {
    effect: 'read',
    input: z.object({ kind: z.literal('document'), id: entityId }).strict(),
    output: out<{ stopsReady: { id: string; accountName: string }[] }>(),
  },
  'library.delete': {
    effect: 'write',
    input: z.object({ kind: deletableKind, id: entityId }).strict(),
    output: out<{ deleted: true }>(),
  },
  'library.search': {
    effect: 'read',
    input: z.object({ query: z.string().max(200) }).strict(),
    output: out<SearchHit[]>(),
  },
  'library.expiries': { effect: 'read', input: noInput, output: out<ExpiryItem[]>() },
  'recycle.list': { effect: 'read', input: noInput, output: out<DeletedItem[]>() },
  'recycle.restore': {
    effect: 'write',
    input: z.object({ kind: deletableKind, id: entityId }).strict(),
    output: out<{ restored: true }>(),
  },
  /** 彻底删除: erase a recycle-bin row for good, with the stored files nobody else uses. */
  'recycle.purge': {
    effect: 'write',
    input: z.object({ kind: deletableKind, id: entityId }).strict(),
    output: out<{ purged: number }>(),
  },
  /** 清空回收站: purge everything that can be; `kept` still referenced by something else. */
  'recycle.empty': {
    effect: 'write',
    input: noInput,
    output: out<{ purged: number; kept: number }>(),
  },
  'industries.catalog': { effect: 'read', input: noInput, output: out<IndustryCatalog>() },
  'packets.list': { effect: 'read', input: noInput, output: out<PacketListItem[]>() },
  'packets.save': { effect: 'write', input: packetInputSchema, output: out<Packet>() },
  'packets.plan': {
    effect: 'read',
    input: byId,
    output: out<{ plan: Plan; asOf: string; formProblems: string[] }>(),
  },
  'packets.requirementTarget': {
    effect: 'write',
    input: z
      .object({
        packetId: entityId,
        ref: z
          .object({
            id: z
              .string()
              .max(60)
              .refine((id) => isRequirementId(id), '未知的材料要求'),
            subject: z.string().max(400),
          })
          .strict(),
        parentId: entityId.optional(),
      })
      .strict(),
    output: out<RequirementTarget>(),
  },
  'packets.trademarkHits': {
    effect: 'read',
    input: z.object({ accountName: z.string().max(100) }).strict(),
    output: out<Trademark[]>(),
  },
  /**
   * The account avatar exactly as the export will write it (issue 13 item 11): the document the
   * export picks, fitted by the export's own code (800×800 JPEG, padded or cropped), as a data URL.
   * `avatarFit` is the wizard's choice, shown before it is saved; null: no avatar to export.
   */
  'packets.avatarPreview': {
    effect: 'read',
    input: z.object({ packetId: entityId, avatarFit: z.enum(['pad', 'crop']) }).strict(),
    output: out<{
      documentId: string
      fileName: string
      dataUrl: string
      width: number
      height: number
      bytes: number
    } | null>(),
  },
  'packets.recordSubmission': {
    effect: 'write',
    input: submissionInputSchema,
    output: out<Submission[]>(),
  },
  'packets.submissions': { effect: 'read', input: byId, output: out<Submission[]>() },
  /**
   * 今日 (issue 13 item 8): what changed state today, letters waiting for signatures, what
   * expires (with the packets it affects), rejected packets, and the 12-month timeline.
   */
  'overview.today': { effect: 'read', input: noInput, output: out<TodayOverview>() },
  /** 今日's top part alone (changes, letters waiting, rejected): what the page paints first. */
  'overview.todayHead': { effect: 'read', input: noInput, output: out<TodayHead>() },
  /** 今日's dated items alone (expiring list, timeline): they fill in after the head. */
  'overview.todayExpiries': { effect: 'read', input: noInput, output: out<TodayExpiries>() },
  /**
   * A new account for the same advertiser (issue 13 item 7): everything of the packet but its
   * account name (given here) and its submissions and exports.
   */
  'packets.duplicate': {
    effect: 'write',
    input: z
      .object({ id: entityId, accountName: z.string().trim().min(1, '请填写新账号名称').max(100) })
      .strict(),
    output: out<Packet>(),
  },
  /** 归档 / 取消归档: hidden from the default list, kept as it is. */
  'packets.archive': {
    effect: 'write',
    input: z.object({ id: entityId, archived: z.boolean() }).strict(),
    output: out<Packet>(),
  },
  'letters.list': {
    effect: 'read',
    input: z.object({ relationId: entityId.optional(), packetId: entityId.optional() }).strict(),
    output: out<LetterRecord[]>(),
  },
  'letters.generate': {
    effect: 'write',
    input: z
      .object({ relationId: entityId, packetId: entityId.optional(), validUntil: optionalDate })
      .strict(),
    output: out<LetterRecord>(),
  },
  'letters.markPrinted': { effect: 'write', input: byId, output: out<LetterRecord>() },
  'letters.builtins': {
    effect: 'read',
    input: noInput,
    output: out<{ name: string; label: string; description: string }[]>(),
  },
  'letters.wording': {
    effect: 'read',
    input: z.object({ name: z.string().min(1).max(60) }).strict(),
    output: out<BuiltinWording>(),
  },
  'letters.saveWording': {
    effect: 'write',
    input: z
      .object({
        name: z.string().min(1).max(60),
        paragraphs: z.array(z.string().max(2000)).max(40).nullable(),
      })
      .strict(),
    output: out<BuiltinWording>(),
  },
  'letters.generateForPacket': {
    effect: 'write',
    input: z
      .object({
        packetId: entityId,
        perTrademark: z.boolean().optional(),
        /** Only the letters of items not yet satisfied (the check step's 生成全部授权书). */
        onlyOutstanding: z.boolean().optional(),
      })
      .strict(),
    output: out<{ letters: LetterRecord[]; failures: string[] }>(),
  },
  /** The PDF itself, for saving and printing. */
  'letters.pdf': {
    effect: 'read',
    input: byId,
    output: out<{ fileName: string; dataBase64: string }>(),
  },
  /** 全部打印 (issue 13 item 9): the letters as one PDF, in the order given. */
  'letters.combinedPdf': {
    effect: 'read',
    input: z.object({ ids: letterIds }).strict(),
    output: out<{ fileName: string; dataBase64: string }>(),
  },
  /** 保存到文件夹: each letter's PDF into an existing folder (never overwriting a file there). */
  'letters.saveToFolder': {
    effect: 'read',
    input: z.object({ ids: letterIds, dir: folderPath }).strict(),
    output: out<{ dir: string; files: string[] }>(),
  },
  /** The folder to offer: the last export's (remembered on this machine) or the default. */
  'exports.defaultDir': {
    effect: 'read',
    input: noInput,
    output: out<{ dir: string; defaultDir: string; remembered: boolean }>(),
  },
  /** Can an export go into this folder (typed by hand in the browser host)? */
  'exports.checkDir': {
    effect: 'read',
    input: z.object({ path: z.string().max(400) }).strict(),
    output: out<{ ok: true } | { ok: false; message: string }>(),
  },
  'exports.run': {
    effect: 'write',
    input: z
      .object({
        packetId: entityId,
        outDir: z
          .string()
          .min(1)
          .max(400)
          .refine((p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p), '请填写完整的文件夹路径'),
        draft: z.boolean().optional(),
        watermark: z.boolean().optional(),
      })
      .strict(),
    output: out<{ folder: string; files: number }>(),
  },
  'industries.save': {
    effect: 'write',
    input: industryEntrySchema.strict(),
    output: out<IndustryCatalog>(),
  },
  'industries.remove': {
    effect: 'write',
    input: z
      .object({
        primary: z.string().min(1).max(50),
        secondary: z.string().min(1).max(100),
        hide: z.boolean(),
      })
      .strict(),
    output: out<IndustryCatalog>(),
  },
  'industries.userEdits': {
    effect: 'read',
    input: noInput,
    /** `starter`: the shipped catalog has this entry (else the user added it: removing deletes it). */
    output: out<{ primary: string; secondary: string; hidden: boolean; starter: boolean }[]>(),
  },
  'exports.openFolder': {
    effect: 'read',
    input: z.object({ path: z.string().min(1).max(400) }).strict(),
    output: out<{ opened: true }>(),
  },
  'templates.import': {
    effect: 'write',
    input: z
      .object({
        fileName: z.string().max(255),
        dataBase64: fileData,
      })
      .strict(),
    output: out<LetterTemplateDetail>(),
  },
  'templates.list': { effect: 'read', input: noInput, output: out<LetterTemplateSummary[]>() },
  'templates.get': { effect: 'read', input: byId, output: out<LetterTemplateDetail>() },
  'templates.save': {
    effect: 'write',
    input: z
      .object({
        id: entityId,
        name: z.string().trim().min(1, '不能为空').max(100),
        fields: z.union([z.array(flatFieldSchema).max(200), z.array(acroFieldSchema).max(500)]),
        /** The version the designer was loaded from (a save against a changed one: STALE). */
        version: z.number().int().positive().optional(),
      })
      .strict(),
    output: out<LetterTemplateDetail>(),
  },
  'templates.pagePreview': {
    effect: 'read',
    input: z.object({ id: entityId, page: z.number().int().min(1).max(500) }).strict(),
    output: out<{ dataUrl: string; width: number; height: number }>(),
  },
  /** Fill a template for a relation; recorded like a built-in letter (template `user:<id>`). */
  'templates.fill': {
    effect: 'write',
    input: z.object({ id: entityId, relationId: entityId, packetId: entityId.optional() }).strict(),
    output: out<LetterRecord>(),
  },
} as const satisfies Record<MethodName, ContractEntry>

type Contract = typeof contract

/** The methods whose successful call changes the library (their entry says `effect: 'write'`). */
export const MUTATING_METHODS: ReadonlySet<MethodName> = new Set(
  (Object.keys(contract) as MethodName[]).filter((m) => contract[m].effect === 'write'),
)

export function isMutating(method: MethodName): boolean {
  return MUTATING_METHODS.has(method)
}
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>
type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>
export type OutputOf<M extends MethodName> = z.output<Contract[M]['output']>

/** What the renderer programs against: one async function per method. */
export type ContractApi = { [M in MethodName]: (input: InputOf<M>) => Promise<OutputOf<M>> }

/** What the backend implements: inputs arrive parsed. */
export type Handlers = { [M in MethodName]: (input: ParsedInputOf<M>) => Promise<OutputOf<M>> }

/** What the preload exposes: every method, answering with an envelope, and one `onEvent`. */
export type BridgeApi = {
  [M in MethodName]: (input: unknown) => Promise<Envelope<OutputOf<M>>>
} & {
  /**
   * The backend's events (shared/events.ts), as they arrive: unparsed — the page checks them —
   * and without the IPC event object. Returns the unsubscribe.
   */
  onEvent: (listener: (event: unknown) => void) => () => void
}
