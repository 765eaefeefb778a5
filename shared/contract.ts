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
import { industryEntrySchema, type IndustryCatalog } from './industries/catalog'
import type { Plan } from './rules/types'
import type { MethodName } from './methods'
import type { Envelope } from './errors'

/**
 * The single list of capabilities the renderer (and the CLI) can call.
 * Each entry: a zod schema that every door parses its input with, and a zod
 * schema describing the output (its type is what callers get).
 */
export const LANGUAGES = ['zh-CN', 'en'] as const
export const languageSchema = z.enum(LANGUAGES)
export type Language = z.infer<typeof languageSchema>

const noInput = z.object({}).strict()

export const systemInfoSchema = z.object({
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

export const settingsSchema = z.object({ language: languageSchema })
export type Settings = z.infer<typeof settingsSchema>

const byId = z.object({ id: entityId }).strict()
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, '应为 64 位十六进制 SHA-256')
const deletableKind = z.enum(['company', 'person', 'trademark', 'relation', 'document'])
const optionalDate = z
  .string()
  .refine(isIsoDate, { message: '日期无效：应为真实存在的日期（YYYY-MM-DD）' })
  .nullable()
  .optional()
/** Outputs are produced by our own backend: typed, not re-validated. */
const out = <T>() => z.custom<T>(() => true)

/** Largest file accepted over the contract (base64 inflates by 4/3; the host's body limit follows). */
export const MAX_IMPORT_BYTES = 40 * 1024 * 1024

interface ContractEntry {
  input: z.ZodType
  output: z.ZodType
}

export const contract = {
  'system.info': { input: noInput, output: systemInfoSchema },
  'settings.get': { input: noInput, output: settingsSchema },
  'settings.setLanguage': {
    input: z.object({ language: languageSchema }).strict(),
    output: settingsSchema,
  },
  'companies.list': { input: noInput, output: out<Company[]>() },
  'companies.save': { input: companyInputSchema, output: out<Company>() },
  'persons.list': { input: noInput, output: out<PersonSummary[]>() },
  'persons.save': { input: personInputSchema, output: out<PersonSummary>() },
  'persons.revealIdNumber': { input: byId, output: out<{ idNumber: string | null }>() },
  'trademarks.list': { input: noInput, output: out<Trademark[]>() },
  'trademarks.save': { input: trademarkInputSchema, output: out<Trademark>() },
  'relations.list': {
    input: z.object({ entityId: entityId.optional() }).strict(),
    output: out<Relation[]>(),
  },
  'relations.save': { input: relationInputSchema, output: out<Relation>() },
  'documents.list': {
    input: z.object({ ownerKind: z.enum(OWNER_KINDS), ownerId: entityId }).strict(),
    output: out<LibraryDocument[]>(),
  },
  'documents.import': {
    input: z
      .object({
        ownerKind: z.enum(OWNER_KINDS),
        ownerId: entityId,
        requirement: z.string().min(1).max(60),
        subject: z.string().max(200).optional(),
        catalogName: z.string().max(200).nullable().optional(),
        fileName: z.string().max(255),
        dataBase64: z.string().max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4),
        issuedOn: optionalDate,
        validUntil: optionalDate,
      })
      .strict(),
    output: out<LibraryDocument>(),
  },
  'documents.update': {
    input: z
      .object({
        id: entityId,
        issuedOn: optionalDate,
        validUntil: optionalDate,
        notes: z.string().max(5000).optional(),
      })
      .strict(),
    output: out<LibraryDocument>(),
  },
  'files.thumbnail': {
    input: z.object({ sha256 }).strict(),
    output: out<{ dataUrl: string }>(),
  },
  'files.view': {
    input: z.object({ sha256, page: z.number().int().min(1).max(500) }).strict(),
    output: out<{ dataUrl: string; pages: number; width: number; height: number }>(),
  },
  'library.delete': {
    input: z.object({ kind: deletableKind, id: entityId }).strict(),
    output: out<{ deleted: true }>(),
  },
  'library.search': {
    input: z.object({ query: z.string().max(200) }).strict(),
    output: out<SearchHit[]>(),
  },
  'library.expiries': { input: noInput, output: out<ExpiryItem[]>() },
  'recycle.list': { input: noInput, output: out<DeletedItem[]>() },
  'recycle.restore': {
    input: z.object({ kind: deletableKind, id: entityId }).strict(),
    output: out<{ restored: true }>(),
  },
  'industries.catalog': { input: noInput, output: out<IndustryCatalog>() },
  'packets.list': { input: noInput, output: out<Packet[]>() },
  'packets.save': { input: packetInputSchema, output: out<Packet>() },
  'packets.plan': { input: byId, output: out<{ plan: Plan; asOf: string }>() },
  'packets.trademarkHits': {
    input: z.object({ accountName: z.string().max(100) }).strict(),
    output: out<Trademark[]>(),
  },
  'packets.recordSubmission': { input: submissionInputSchema, output: out<Submission[]>() },
  'packets.submissions': { input: byId, output: out<Submission[]>() },
  'letters.list': {
    input: z.object({ relationId: entityId.optional(), packetId: entityId.optional() }).strict(),
    output: out<LetterRecord[]>(),
  },
  'letters.generate': {
    input: z
      .object({ relationId: entityId, packetId: entityId.optional(), validUntil: optionalDate })
      .strict(),
    output: out<LetterRecord>(),
  },
  'letters.markPrinted': { input: byId, output: out<LetterRecord>() },
  /** The PDF itself, for saving and printing. */
  'letters.pdf': { input: byId, output: out<{ fileName: string; dataBase64: string }>() },
  'exports.defaultDir': { input: noInput, output: out<{ dir: string }>() },
  'exports.run': {
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
  'industries.save': { input: industryEntrySchema.strict(), output: out<IndustryCatalog>() },
  'industries.remove': {
    input: z
      .object({ primary: z.string().min(1), secondary: z.string().min(1), hide: z.boolean() })
      .strict(),
    output: out<IndustryCatalog>(),
  },
  'industries.userEdits': {
    input: noInput,
    output: out<{ primary: string; secondary: string; hidden: boolean }[]>(),
  },
  'exports.openFolder': {
    input: z.object({ path: z.string().min(1).max(400) }).strict(),
    output: out<{ opened: true }>(),
  },
} as const satisfies Record<MethodName, ContractEntry>

export type Contract = typeof contract
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>
export type OutputOf<M extends MethodName> = z.output<Contract[M]['output']>

/** What the renderer programs against: one async function per method. */
export type ContractApi = { [M in MethodName]: (input: InputOf<M>) => Promise<OutputOf<M>> }

/** What the backend implements: inputs arrive parsed. */
export type Handlers = { [M in MethodName]: (input: ParsedInputOf<M>) => Promise<OutputOf<M>> }

/** What the preload exposes: every method, answering with an envelope. */
export type BridgeApi = { [M in MethodName]: (input: unknown) => Promise<Envelope<OutputOf<M>>> }
