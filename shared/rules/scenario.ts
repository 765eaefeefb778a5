import { z } from '../zod-locale'
import { isIsoDate } from '../dates'
import { ID_DOCUMENT_TYPES } from '../validators'
import { readAcceptanceDates } from './scan-reads'
import { REQUIREMENT_IDS } from './requirements'

const isoDate = z
  .string()
  .refine(isIsoDate, { message: '日期无效：应为真实存在的日期，格式 YYYY-MM-DD' })
const optionalDate = isoDate.nullish()
const id = z.string().min(1, '不能为空')

/** A field read from a scan: an empty string is "not read" (RULES.md §4b). */
const readText = z.string().optional()
const readDate = z
  .string()
  .refine((v) => v === '' || isIsoDate(v), { message: '日期无效：应为 YYYY-MM-DD' })
  .optional()
const readValidUntil = z
  .string()
  .refine((v) => v === '' || v === 'long_term' || isIsoDate(v), {
    message: '日期无效：应为 YYYY-MM-DD 或 long_term',
  })
  .optional()

/**
 * RULES.md §4b: the facts read from the scan itself. Only the fields R15–R18 use are
 * checked; unknown fields are ignored.
 */
const scanReadSchema = z.object({
  kind: z.string().min(1, '不能为空'),
  fields: z
    .object({
      regNo: readText,
      registrant: readText,
      applicant: readText,
      transferee: readText,
      number: readText,
      name: readText,
      validUntil: readValidUntil,
      expiryDate: readDate,
      acceptanceDate: readDate,
    })
    .optional(),
})

/**
 * Facts about a stored file (from the import step). Spec v2: facts other than `format` and
 * `bytes` may be null when unknown (an undecodable file has no size or colour).
 */
const fileFactsSchema = z.object({
  format: z.string().min(1),
  width: z.number().int().nonnegative().nullish(),
  height: z.number().int().nonnegative().nullish(),
  bytes: z.number().int().nonnegative().optional(),
  pages: z.number().int().positive().nullish(),
  color: z.boolean().nullish(),
  read: scanReadSchema.nullish(),
})
export type FileFacts = z.infer<typeof fileFactsSchema>

const REGIONS = ['domestic', 'foreign'] as const

const applicantSchema = z.object({
  id,
  kind: z.enum(['company', 'person']).optional(),
  name: z.string().min(1, '不能为空'),
  region: z.enum(REGIONS),
  uscc: z.string().nullish(),
  businessScope: z.string().nullish(),
})

const personSchema = z.object({
  id,
  kind: z.literal('person'),
  name: z.string().min(1, '不能为空'),
  idDocument: z.object({ type: z.enum(ID_DOCUMENT_TYPES), number: z.string() }).nullish(),
  nationality: z.string().nullish(),
})

const companySchema = z.object({
  id,
  kind: z.literal('company'),
  name: z.string().min(1, '不能为空'),
  region: z.enum(REGIONS),
  uscc: z.string().nullish(),
  businessScope: z.string().nullish(),
})

const trademarkSchema = z.object({
  id,
  regNo: z.string(),
  text: z.string().min(1, '不能为空'),
  class: z.number().int().min(1).max(45).nullish(),
  registrant: id,
  status: z.enum(['registered', 'application_accepted', 'transfer_accepted']),
  validUntil: optionalDate,
  acceptanceDate: optionalDate,
  transferee: id.nullish(),
  officialRegistrantDiffers: z.enum(['change', 'transfer']).nullish(),
})

const relationSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('authorization'), from: id, to: id, validUntil: optionalDate }),
  z.object({ type: z.literal('general_agency'), from: id, to: id, validUntil: optionalDate }),
  z.object({
    type: z.literal('parent_subsidiary'),
    parent: id,
    child: id,
    validUntil: optionalDate,
  }),
])

const documentSchema = z.object({
  requirement: z.enum(REQUIREMENT_IDS),
  subject: z.string().nullish(),
  /** industry_qualification: which catalog document this file is. */
  name: z.string().nullish(),
  file: fileFactsSchema.nullish(),
  validUntil: optionalDate,
})

const baseScenarioSchema = z.object({
  asOf: isoDate,
  applicant: applicantSchema,
  account: z.object({
    type: z.enum(['enterprise', 'employee']),
    name: z.string().min(1, '不能为空'),
    promotedSubject: z.enum(['none', 'website', 'app']),
    industries: z.array(z.object({ primary: z.string().min(1), secondary: z.string().min(1) })),
    /** Step 1's account-level 行业类别 (issue 13 item 15); absent: not checked. */
    accountIndustry: z
      .object({ primary: z.string().min(1), secondary: z.string().min(1) })
      .nullish(),
    avatar: fileFactsSchema.nullish(),
  }),
  parties: z.array(z.discriminatedUnion('kind', [personSchema, companySchema])),
  trademarks: z.array(trademarkSchema),
  relations: z.array(relationSchema),
  documents: z.array(documentSchema).nullish(),
})

/** RULES.md §5: a scenario, with every reference checked against the declared parties. */
export const scenarioSchema = baseScenarioSchema.superRefine((scenario, ctx) => {
  const partyIds = new Set<string>([scenario.applicant.id])
  scenario.parties.forEach((party, index) => {
    if (partyIds.has(party.id)) {
      ctx.addIssue({
        code: 'custom',
        path: ['parties', index, 'id'],
        message: `重复的编号 ${party.id}`,
      })
    }
    partyIds.add(party.id)
  })
  const refer = (value: string | null | undefined, path: (string | number)[]) => {
    if (value != null && !partyIds.has(value)) {
      ctx.addIssue({ code: 'custom', path, message: `引用了未声明的主体 ${value}` })
    }
  }
  const trademarkIds = new Set<string>()
  scenario.trademarks.forEach((tm, index) => {
    if (trademarkIds.has(tm.id)) {
      ctx.addIssue({
        code: 'custom',
        path: ['trademarks', index, 'id'],
        message: `重复的编号 ${tm.id}`,
      })
    }
    trademarkIds.add(tm.id)
    refer(tm.registrant, ['trademarks', index, 'registrant'])
    refer(tm.transferee, ['trademarks', index, 'transferee'])
    // RULES.md §4b: R6 needs a stamp date, from the record or read from the notice.
    if (
      tm.status === 'application_accepted' &&
      tm.acceptanceDate == null &&
      readAcceptanceDates(scenario.documents ?? [], tm.id).length === 0
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['trademarks', index, 'acceptanceDate'],
        message: '注册申请受理中的商标须填写受理通知书上的盖章受理日期',
      })
    }
  })
  scenario.relations.forEach((relation, index) => {
    if (relation.type === 'parent_subsidiary') {
      refer(relation.parent, ['relations', index, 'parent'])
      refer(relation.child, ['relations', index, 'child'])
    } else {
      refer(relation.from, ['relations', index, 'from'])
      refer(relation.to, ['relations', index, 'to'])
    }
  })
})

export type Scenario = z.infer<typeof baseScenarioSchema>
export type Party = Scenario['parties'][number]
export type Person = Extract<Party, { kind: 'person' }>
export type Trademark = Scenario['trademarks'][number]
export type Relation = Scenario['relations'][number]
export type ScenarioDocument = NonNullable<Scenario['documents']>[number]

/** `trademarks[0].registrant`: how a field is named in messages. */
function fieldPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`
    else out += out ? `.${String(part)}` : String(part)
  }
  return out || '(根)'
}

export type ScenarioParse =
  { ok: true; scenario: Scenario } | { ok: false; field: string; message: string }

export function parseScenario(input: unknown): ScenarioParse {
  const result = scenarioSchema.safeParse(input)
  if (result.success) return { ok: true, scenario: result.data }
  const issue = result.error.issues[0]
  const field = fieldPath(issue?.path ?? [])
  return { ok: false, field, message: issue?.message ?? '格式不正确' }
}
