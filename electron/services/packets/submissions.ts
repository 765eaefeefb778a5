import type { z } from 'zod'
import { requirementLabel } from '../../../shared/rules/labels'
import type { submissionInputSchema, Submission } from '../../../shared/library/schemas'
import type { Scenario } from '../../../shared/rules/scenario'
import { recordAudit } from '../library/audit'
import { newId, now } from '../library/ids'
import type { Executor, LibraryStore } from '../storage/library-store'

/** Plain-language differences between the scenario submitted then and now. */
function describeChanges(before: Scenario, after: Scenario): string[] {
  const out: string[] = []
  if (before.account.name !== after.account.name) {
    out.push(`账号名称：“${before.account.name}” → “${after.account.name}”`)
  }
  if (before.account.promotedSubject !== after.account.promotedSubject)
    out.push('推广主体类型已更改')
  const pairs = (s: Scenario) => s.account.industries.map((i) => `${i.primary}/${i.secondary}`)
  if (pairs(before).join('|') !== pairs(after).join('|'))
    out.push(`行业：${pairs(after).join('、') || '（无）'}`)
  const marks = (s: Scenario) => new Map(s.trademarks.map((t) => [t.id, t.text]))
  const [m0, m1] = [marks(before), marks(after)]
  for (const [id, text] of m1) if (!m0.has(id)) out.push(`新增商标“${text}”`)
  for (const [id, text] of m0) if (!m1.has(id)) out.push(`移除商标“${text}”`)
  if (JSON.stringify(before.account.avatar) !== JSON.stringify(after.account.avatar))
    out.push('头像已更换')
  const docKey = (d: NonNullable<Scenario['documents']>[number]) =>
    `${d.requirement}|${d.subject ?? ''}|${JSON.stringify(d.file)}`
  const d0 = new Set((before.documents ?? []).map(docKey))
  for (const d of after.documents ?? []) {
    if (!d0.has(docKey(d))) out.push(`新增或更换文件：${requirementLabel(d.requirement)}`)
  }
  const r0 = new Set(before.relations.map((r) => JSON.stringify(r)))
  for (const r of after.relations)
    if (!r0.has(JSON.stringify(r))) out.push('关系（授权/总代/母子公司）有变动')
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
  return rows.map((row) => ({
    id: row.id,
    packetId: row.packet_id,
    submittedOn: row.submitted_on,
    result: row.result,
    reasons: row.reasons,
    tags: JSON.parse(row.tags) as string[],
    changesSince:
      row.result === 'rejected'
        ? describeChanges(JSON.parse(row.scenario) as Scenario, current)
        : [],
  }))
}
