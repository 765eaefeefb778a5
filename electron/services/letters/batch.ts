import { AppError } from '../../../shared/errors'
import type { LetterRecord } from '../../../shared/library/schemas'
import { letterRequirementIds, requirementLabel } from '../../../shared/rules/requirement-derive'
import { blocksReadiness } from '../../../shared/rules/status'
import { isAnyOf, type Plan, type RequirementRef } from '../../../shared/rules/types'
import type { FileStore } from '../storage/file-store'
import type { Executor, LibraryStore } from '../storage/library-store'
import { getRelation } from '../library/relations'
import { listTrademarks } from '../library/trademarks'
import { relationIdFor } from './pending'
import { generateRelationLetter } from './records'

/** Requirements PacketDesk fills a letter for (requirements table). */
const LETTER_IDS = new Set(letterRequirementIds())

export interface BatchResult {
  letters: LetterRecord[]
  failures: string[]
}

/**
 * The relations (in the library) behind the letters a plan asks for; for either/or items, the
 * declared one. `outstanding`: only items not yet satisfied (the check step's 生成全部授权书).
 * A plain item whose relation is not in the library is named in `unknown`.
 */
async function letterRelations(
  db: Executor,
  plan: Plan,
  outstanding: boolean,
): Promise<{ ids: string[]; unknown: RequirementRef[] }> {
  const unknown: RequirementRef[] = []
  const ids = new Set<string>()
  for (const item of plan.requirements) {
    if (outstanding && !blocksReadiness(item.status)) continue
    const refs = (isAnyOf(item) ? item.anyOf : [item]).filter((ref) => LETTER_IDS.has(ref.id))
    for (const ref of refs) {
      const id = await relationIdFor(db, ref)
      if (id) ids.add(id)
      else if (!isAnyOf(item)) unknown.push(ref)
    }
  }
  return { ids: [...ids], unknown }
}

/**
 * Every letter a packet needs, one per relation, or — `perTrademark` — one per
 * trademark of the packet that the relation's grantor holds. A refusal (say a
 * person without a valid number, R11) is reported and the rest go on.
 */
export async function generatePacketLetters(
  store: LibraryStore,
  files: FileStore,
  packetId: string,
  plan: Plan,
  options: { perTrademark: boolean; today: string; onlyOutstanding?: boolean },
): Promise<BatchResult> {
  const result: BatchResult = { letters: [], failures: [] }
  const db = store.db
  const wanted = await letterRelations(db, plan, options.onlyOutstanding ?? false)
  for (const ref of wanted.unknown) {
    result.failures.push(
      `${requirementLabel(ref.id)}（${ref.subject}）：资料库中还没有登记这条关系`,
    )
  }
  const packetMarks = new Set(
    (
      await db
        .selectFrom('packet_trademarks')
        .select('trademark_id')
        .where('packet_id', '=', packetId)
        .execute()
    ).map((r) => r.trademark_id),
  )
  for (const relationId of wanted.ids) {
    const relation = await getRelation(db, relationId)
    const owners =
      relation.type === 'parent_subsidiary'
        ? [relation.from.id, relation.to.id]
        : [relation.from.id]
    const marks = options.perTrademark
      ? (await listTrademarks(db)).filter(
          (t) => packetMarks.has(t.id) && owners.includes(t.registrant.id),
        )
      : [null]
    for (const mark of marks) {
      try {
        result.letters.push(
          await generateRelationLetter(
            store,
            files,
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
