import type { Database } from 'better-sqlite3'
import { isAnyOf, type Plan, type RequirementRef } from '../../../shared/rules/types'
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
export function relationIdFor(db: Database, ref: RequirementRef): string | null {
  const spec = specOf(ref.id)
  const parsed = parseRelationSubject(ref.subject)
  if (spec?.owner.kind !== 'relation' || !parsed) return null
  const { from, to, unordered } = parsed
  const row = db
    .prepare(
      `SELECT id FROM relations WHERE deleted_at IS NULL AND type = ?
       AND ((COALESCE(from_company_id, from_person_id) = ? AND to_company_id = ?)
         OR (? AND COALESCE(from_company_id, from_person_id) = ? AND to_company_id = ?))`,
    )
    .get(spec.owner.relationType, from, to, unordered ? 1 : 0, to, from) as
    { id: string } | undefined
  return row?.id ?? null
}

/**
 * A missing letter that was generated but whose signed scan is not back yet
 * says so (the plan itself only knows documents).
 */
export function withPendingLetters(db: Database, plan: Plan): Plan {
  return {
    ...plan,
    requirements: plan.requirements.map((requirement) => {
      if (requirement.status !== 'missing') return requirement
      const refs = isAnyOf(requirement) ? requirement.anyOf : [requirement]
      const notes: string[] = []
      for (const ref of refs) {
        if (!LETTER_IDS.has(ref.id)) continue
        const relationId = relationIdFor(db, ref)
        if (!relationId) continue
        const waiting = listLetters(db, { relationId }).find(
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
    }),
  }
}
