import { isAnyOf, type Plan, type RequirementRef } from '../../../shared/rules/types'
import type { Executor } from '../storage/library-store'
import { listLetters } from './records'
import {
  letterRequirementIds,
  parseRelationSubject,
  specOf,
} from '../../../shared/rules/requirement-derive'

/** Requirements PacketDesk fills a letter for (requirements table). */
const LETTER_IDS = new Set(letterRequirementIds())

/**
 * The library relation a link requirement names: of the requirement's relation type (the
 * requirements table), `A->B` as declared, `A<->B` either way. Null when none is declared.
 */
export async function relationIdFor(db: Executor, ref: RequirementRef): Promise<string | null> {
  const spec = specOf(ref.id)
  const parsed = parseRelationSubject(ref.subject)
  if (spec?.owner.kind !== 'relation' || !parsed) return null
  const { from, to, unordered } = parsed
  const row = await db
    .selectFrom('relations')
    .select('id')
    .where('deleted_at', 'is', null)
    .where('type', '=', spec.owner.relationType)
    .where((eb) => {
      const grantor = eb.fn.coalesce('from_company_id', 'from_person_id')
      const forward = eb.and([eb(grantor, '=', from), eb('to_company_id', '=', to)])
      return unordered
        ? eb.or([forward, eb.and([eb(grantor, '=', to), eb('to_company_id', '=', from)])])
        : forward
    })
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst()
  return row?.id ?? null
}

/**
 * A missing letter that was generated but whose signed scan is not back yet
 * says so (the plan itself only knows documents); `waiting` counts them (the work queue's
 * 待签字扫描件).
 */
export async function pendingLetters(
  db: Executor,
  plan: Plan,
): Promise<{ plan: Plan; waiting: number }> {
  const requirements: Plan['requirements'] = []
  let waiting = 0
  for (const requirement of plan.requirements) {
    const noted = await withPendingNote(db, requirement)
    waiting += noted.reasons.length - requirement.reasons.length
    requirements.push(noted)
  }
  return { plan: { ...plan, requirements }, waiting }
}

async function withPendingNote(
  db: Executor,
  requirement: Plan['requirements'][number],
): Promise<Plan['requirements'][number]> {
  if (requirement.status !== 'missing') return requirement
  const refs = isAnyOf(requirement) ? requirement.anyOf : [requirement]
  const notes: string[] = []
  for (const ref of refs) {
    if (!LETTER_IDS.has(ref.id)) continue
    const relationId = await relationIdFor(db, ref)
    if (!relationId) continue
    const waiting = (await listLetters(db, { relationId })).find(
      (l) => l.requirement === ref.id && l.status !== 'signed',
    )
    if (waiting) {
      notes.push(
        `已于 ${waiting.createdAt.slice(0, 10)} 生成${waiting.status === 'printed' ? '并打印' : ''}，等待签字盖章后的扫描件`,
      )
    }
  }
  return notes.length > 0
    ? { ...requirement, reasons: [...requirement.reasons, ...notes] }
    : requirement
}
