import type { Database } from 'better-sqlite3'
import { AppError } from '../../../shared/errors'
import type { LetterRecord } from '../../../shared/library/schemas'
import { isAnyOf, type Plan, type RequirementRef } from '../../../shared/rules/types'
import type { ContentStore } from '../files/content-store'
import { getRelation } from '../library/relations'
import { listTrademarks } from '../library/trademarks'
import { relationIdFor } from './pending'
import { generateRelationLetter } from './records'
import { letterRequirementIds } from '../../../shared/rules/requirement-derive'

/** Requirements PacketDesk fills a letter for (requirements table). */
const LETTER_IDS = new Set(letterRequirementIds())

export interface BatchResult {
  letters: LetterRecord[]
  failures: string[]
}

/** The relations (in the library) behind the letters a plan asks for; for either/or items, the declared one. */
function letterRelations(db: Database, plan: Plan): string[] {
  const refs: RequirementRef[] = plan.requirements.flatMap((r) =>
    (isAnyOf(r) ? r.anyOf : [r]).filter((ref) => LETTER_IDS.has(ref.id)),
  )
  return [...new Set(refs.map((ref) => relationIdFor(db, ref)).filter((id) => id !== null))]
}

/**
 * Every letter a packet needs, one per relation, or — `perTrademark` — one per
 * trademark of the packet that the relation's grantor holds. A refusal (say a
 * person without a valid number, R11) is reported and the rest go on.
 */
export async function generatePacketLetters(
  db: Database,
  store: ContentStore,
  packetId: string,
  plan: Plan,
  options: { perTrademark: boolean; today: string },
): Promise<BatchResult> {
  const result: BatchResult = { letters: [], failures: [] }
  const packetMarks = new Set(
    (
      db
        .prepare('SELECT trademark_id FROM packet_trademarks WHERE packet_id = ?')
        .all(packetId) as {
        trademark_id: string
      }[]
    ).map((r) => r.trademark_id),
  )
  for (const relationId of letterRelations(db, plan)) {
    const relation = getRelation(db, relationId)
    const owners =
      relation.type === 'parent_subsidiary'
        ? [relation.from.id, relation.to.id]
        : [relation.from.id]
    const marks = options.perTrademark
      ? listTrademarks(db).filter((t) => packetMarks.has(t.id) && owners.includes(t.registrant.id))
      : [null]
    for (const mark of marks) {
      try {
        result.letters.push(
          await generateRelationLetter(
            db,
            store,
            { relationId, packetId, ...(mark ? { trademarkId: mark.id } : {}) },
            options.today,
          ),
        )
      } catch (error) {
        if (!(error instanceof AppError)) throw error
        result.failures.push(
          `${relation.from.name} → ${relation.to.name}${mark ? `（${mark.text}）` : ''}：${error.message}`,
        )
      }
    }
  }
  return result
}
