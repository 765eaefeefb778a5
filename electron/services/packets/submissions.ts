import type { z } from 'zod'
import {
  RELATION_TYPE_LABELS,
  TRADEMARK_STATUS_LABELS,
  type Bilingual,
} from '../../../shared/i18n/labels'
import { maskIdNumber } from '../../../shared/library/mask'
import { requirementLabel } from '../../../shared/rules/labels'
import type { submissionInputSchema, Submission } from '../../../shared/library/schemas'
import type { Scenario, Trademark } from '../../../shared/rules/scenario'
import { fieldsOfDetail } from '../library/edited-fields'
import { recordAudit } from '../library/audit'
import { newId, now } from '../library/ids'
import type { Executor, LibraryStore } from '../storage/library-store'

type Change = Bilingual

const clip = (value: string): string =>
  Array.from(value).length > 40 ? `${Array.from(value).slice(0, 40).join('')}…` : value
const shown = (value: string | number | null | undefined): string =>
  value === null || value === undefined || value === '' ? '—' : clip(String(value))
const both = (zh: string, en: string = zh): Change => ({ zh, en })

/** "公司“青禾”：经营范围 “…” → “…”" — a record's field, before and after. */
function fieldChange(
  record: Bilingual,
  name: string,
  field: Bilingual,
  before: string,
  after: string,
): Change {
  return {
    zh: `${record.zh}“${name}”：${field.zh} “${before}” → “${after}”`,
    en: `${record.en} "${name}": ${field.en} "${before}" → "${after}"`,
  }
}

const RECORD: Record<'company' | 'person' | 'trademark' | 'relation', Bilingual> = {
  company: { zh: '公司', en: 'Company' },
  person: { zh: '自然人', en: 'Person' },
  trademark: { zh: '商标', en: 'Trademark' },
  relation: { zh: '关系', en: 'Relation' },
}

/** The fields a scenario holds, by record kind, with their labels (the rest: audit below). */
const COMPANY_FIELDS = {
  name: { zh: '名称', en: 'name' },
  region: { zh: '地区', en: 'region' },
  uscc: { zh: '统一社会信用代码', en: 'USCC' },
  businessScope: { zh: '经营范围', en: 'business scope' },
} as const
const PERSON_FIELDS = {
  name: { zh: '姓名', en: 'name' },
  nationality: { zh: '国籍', en: 'nationality' },
} as const
const TRADEMARK_FIELDS = {
  text: { zh: '商标文字', en: 'mark' },
  regNo: { zh: '注册号', en: 'registration no.' },
  class: { zh: '类别', en: 'class' },
  registrant: { zh: '注册人', en: 'registrant' },
  status: { zh: '状态', en: 'status' },
  validUntil: { zh: '有效期至', en: 'valid until' },
  acceptanceDate: { zh: '受理日期', en: 'acceptance date' },
  transferee: { zh: '受让人', en: 'transferee' },
  officialRegistrantDiffers: { zh: '官方注册人不同', en: 'official registrant differs' },
} as const

/** Columns an edit may change that no scenario holds: named from the audit's field list. */
const AUDIT_ONLY_FIELDS: Record<string, Bilingual> = {
  notes: { zh: '备注', en: 'notes' },
  uscc_override: { zh: '代码校验说明', en: 'USCC override reason' },
  id_type: { zh: '证件类型', en: 'ID document type' },
  id_number: { zh: '证件号码', en: 'ID number' },
  valid_from: { zh: '有效期起', en: 'valid from' },
}

/** What a scenario says of each party and the applicant: id → kind, name and fields. */
function partiesOf(s: Scenario): Map<string, Scenario['parties'][number]> {
  const map = new Map<string, Scenario['parties'][number]>()
  map.set(s.applicant.id, { ...s.applicant, kind: 'company' })
  for (const p of s.parties) map.set(p.id, p)
  return map
}

/** Plain-language differences between the scenario submitted then and now, in both languages. */
function describeChanges(before: Scenario, after: Scenario): Change[] {
  const out: Change[] = []
  if (before.account.name !== after.account.name) {
    out.push({
      zh: `账号名称：“${before.account.name}” → “${after.account.name}”`,
      en: `Account name: "${before.account.name}" → "${after.account.name}"`,
    })
  }
  if (before.account.promotedSubject !== after.account.promotedSubject)
    out.push(both('推广主体类型已更改', 'Promoted subject type changed'))
  const pairs = (s: Scenario) => s.account.industries.map((i) => `${i.primary}/${i.secondary}`)
  if (pairs(before).join('|') !== pairs(after).join('|'))
    out.push({
      zh: `行业：${pairs(after).join('、') || '（无）'}`,
      en: `Industries: ${pairs(after).join(', ') || '(none)'}`,
    })

  const [p0, p1] = [partiesOf(before), partiesOf(after)]
  const nameOf = (id: string | null | undefined) =>
    id ? (p1.get(id)?.name ?? p0.get(id)?.name ?? id) : '—'
  for (const [id, now] of p1) {
    const then = p0.get(id)
    if (!then || then.kind !== now.kind) continue
    const fields: Record<string, Bilingual> =
      now.kind === 'company' ? COMPANY_FIELDS : PERSON_FIELDS
    for (const [field, label] of Object.entries(fields)) {
      const a = (then as Record<string, string | null | undefined>)[field]
      const b = (now as Record<string, string | null | undefined>)[field]
      if ((a ?? null) !== (b ?? null))
        out.push(fieldChange(RECORD[now.kind], now.name, label, shown(a), shown(b)))
    }
  }

  const marks = (s: Scenario) => new Map(s.trademarks.map((t) => [t.id, t]))
  const [m0, m1] = [marks(before), marks(after)]
  for (const [id, t] of m1) {
    const then = m0.get(id)
    if (!then) {
      out.push({ zh: `新增商标“${t.text}”`, en: `Trademark "${t.text}" added` })
      continue
    }
    for (const [field, label] of Object.entries(TRADEMARK_FIELDS)) {
      const a = then[field as keyof typeof then]
      const b = t[field as keyof typeof t]
      if ((a ?? null) === (b ?? null)) continue
      const value = (v: typeof a): Bilingual => {
        if (field === 'registrant' || field === 'transferee') return both(nameOf(v as string))
        if (field === 'status') return TRADEMARK_STATUS_LABELS[v as Trademark['status']]
        return both(shown(v))
      }
      const [va, vb] = [value(a), value(b)]
      out.push({
        zh: `商标“${t.text}”：${label.zh} “${va.zh}” → “${vb.zh}”`,
        en: `Trademark "${t.text}": ${label.en} "${va.en}" → "${vb.en}"`,
      })
    }
  }
  for (const [id, t] of m0)
    if (!m1.has(id)) out.push({ zh: `移除商标“${t.text}”`, en: `Trademark "${t.text}" removed` })
  if (JSON.stringify(before.account.avatar) !== JSON.stringify(after.account.avatar))
    out.push(both('头像已更换', 'Avatar replaced'))
  const docKey = (d: NonNullable<Scenario['documents']>[number]) =>
    `${d.requirement}|${d.subject ?? ''}|${JSON.stringify(d.file)}`
  const d0 = new Set((before.documents ?? []).map(docKey))
  for (const d of after.documents ?? []) {
    if (!d0.has(docKey(d)))
      out.push({
        zh: `新增或更换文件：${requirementLabel(d.requirement)}`,
        en: `File added or replaced: ${requirementLabel(d.requirement, 'en')}`,
      })
  }
  const relationKey = (r: Scenario['relations'][number]) =>
    r.type === 'parent_subsidiary'
      ? `${r.type}|${r.parent}|${r.child}`
      : `${r.type}|${r.from}|${r.to}`
  const relationName = (r: Scenario['relations'][number]): Bilingual => {
    const label = RELATION_TYPE_LABELS[r.type].name
    const [from, to] = r.type === 'parent_subsidiary' ? [r.parent, r.child] : [r.from, r.to]
    return {
      zh: `${label.zh}关系“${nameOf(from)} → ${nameOf(to)}”`,
      en: `${label.en} "${nameOf(from)} → ${nameOf(to)}"`,
    }
  }
  const r0 = new Map(before.relations.map((r) => [relationKey(r), r]))
  const r1 = new Map(after.relations.map((r) => [relationKey(r), r]))
  for (const [key, r] of r1) {
    const then = r0.get(key)
    const name = relationName(r)
    if (!then) out.push({ zh: `新增${name.zh}`, en: `${name.en} added` })
    else if ((then.validUntil ?? null) !== (r.validUntil ?? null))
      out.push({
        zh: `${name.zh}：有效期至 “${shown(then.validUntil)}” → “${shown(r.validUntil)}”`,
        en: `${name.en}: valid until "${shown(then.validUntil)}" → "${shown(r.validUntil)}"`,
      })
  }
  for (const [key, r] of r0) {
    if (r1.has(key)) continue
    const name = relationName(r)
    out.push({ zh: `移除${name.zh}`, en: `${name.en} removed` })
  }
  return out
}

/**
 * Edits since the submission that its snapshot cannot show (issue 13 item 13): the audit's
 * `edit` entries on the packet's records after it was recorded name the columns they changed
 * (library/edited-fields.ts); those no scenario holds — notes, a person's ID number (shown
 * masked, as now) — are listed by record and field. An edit from before field lists were kept
 * is listed as the record edited, unless the snapshot already shows what changed on it.
 */
async function editsSince(
  db: Executor,
  since: string,
  current: Scenario,
  before: Scenario,
  described: Change[],
): Promise<Change[]> {
  const parties = partiesOf(current)
  const records = new Map<string, { kind: keyof typeof RECORD; name: string }>()
  for (const [id, p] of parties) records.set(id, { kind: p.kind, name: p.name })
  for (const t of current.trademarks) records.set(t.id, { kind: 'trademark', name: t.text })
  if (records.size === 0) return []
  const entries = await db
    .selectFrom('audit_log')
    .select(['entity_kind', 'entity_id', 'detail'])
    .where('action', '=', 'edit')
    .where('entity_id', 'in', [...records.keys()])
    .where('at', '>=', since)
    .orderBy('id')
    .execute()
  const touched = new Map<string, Set<string>>()
  for (const e of entries) {
    const fields = touched.get(e.entity_id) ?? new Set<string>()
    const named = fieldsOfDetail(e.detail)
    if (named === null) fields.add('')
    for (const f of named ?? []) fields.add(f)
    touched.set(e.entity_id, fields)
  }
  const out: Change[] = []
  const snapshotIds = new Set([...partiesOf(before).keys(), ...before.trademarks.map((t) => t.id)])
  for (const [id, fields] of touched) {
    const record = records.get(id)
    if (!record) continue
    const label = RECORD[record.kind]
    for (const field of fields) {
      const name = AUDIT_ONLY_FIELDS[field]
      if (!name) continue
      let now = ''
      if (field === 'id_number') {
        const row = await db
          .selectFrom('persons')
          .select('id_number')
          .where('id', '=', id)
          .executeTakeFirst()
        // Masked, as every list shows it: the full number never leaves the backend here.
        now = row?.id_number ? maskIdNumber(row.id_number) : '—'
      }
      out.push({
        zh: `${label.zh}“${record.name}”：${name.zh}已修改${now ? `（现为 ${now}）` : ''}`,
        en: `${label.en} "${record.name}": ${name.en} changed${now ? ` (now ${now})` : ''}`,
      })
    }
    const shownAlready = described.some((c) => c.zh.includes(`“${record.name}”`))
    if (fields.has('') && !shownAlready && snapshotIds.has(id))
      out.push({
        zh: `${label.zh}“${record.name}”：记录已修改`,
        en: `${label.en} "${record.name}": record edited`,
      })
  }
  return out
}

export async function recordSubmission(
  store: LibraryStore,
  input: z.infer<typeof submissionInputSchema>,
  scenario: Scenario,
): Promise<void> {
  const id = newId('su')
  await store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('submissions')
      .values({
        id,
        packet_id: input.packetId,
        submitted_on: input.submittedOn,
        result: input.result,
        reasons: input.reasons ?? '',
        tags: JSON.stringify(input.tags ?? []),
        // The snapshot is for change tracking only: no ID numbers in it.
        scenario: JSON.stringify({
          ...scenario,
          parties: scenario.parties.map((p) =>
            p.kind === 'person' ? { ...p, idDocument: null } : p,
          ),
        }),
        created_at: now(),
      })
      .execute()
    await recordAudit(trx, 'edit', 'submission', id, input.result)
  })
}

/** Newest first; a rejection lists what changed since (issue 13 item 13). */
export async function listSubmissions(
  db: Executor,
  packetId: string,
  current: Scenario,
): Promise<Submission[]> {
  const rows = await db
    .selectFrom('submissions')
    .selectAll()
    .where('packet_id', '=', packetId)
    .orderBy('submitted_on', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute()
  const out: Submission[] = []
  for (const row of rows) {
    let changesSince: Change[] = []
    if (row.result === 'rejected') {
      const before = JSON.parse(row.scenario) as Scenario
      const described = describeChanges(before, current)
      changesSince = [
        ...described,
        ...(await editsSince(db, row.created_at, current, before, described)),
      ]
    }
    out.push({
      id: row.id,
      packetId: row.packet_id,
      submittedOn: row.submitted_on,
      result: row.result,
      reasons: row.reasons,
      tags: JSON.parse(row.tags) as string[],
      changesSince,
    })
  }
  return out
}
