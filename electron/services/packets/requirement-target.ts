import { AppError } from '../../../shared/errors'
import type { RequirementTarget } from '../../../shared/library/schemas'
import { ownerOf, specOf } from '../../../shared/rules/requirement-derive'
import { isAnyOf, type Plan } from '../../../shared/rules/types'
import { listRelations, saveRelationIn } from '../library/relations'
import { lockKey } from '../storage/locks'
import type { Executor, LibraryStore } from '../storage/library-store'
import { getPacket } from './packets'

function inPlan(plan: Plan, ref: { id: string; subject: string }): boolean {
  return plan.requirements.some((item) =>
    (isAnyOf(item) ? item.anyOf : [item]).some((r) => r.id === ref.id && r.subject === ref.subject),
  )
}

async function partyKind(db: Executor, id: string): Promise<'company' | 'person' | null> {
  for (const [table, kind] of [
    ['companies', 'company'],
    ['persons', 'person'],
  ] as const) {
    const row = await db
      .selectFrom(table)
      .select('id')
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()
    if (row) return kind
  }
  return null
}

async function partyName(db: Executor, id: string): Promise<string> {
  for (const table of ['companies', 'persons'] as const) {
    const row = await db
      .selectFrom(table)
      .select('name')
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()
    if (row) return row.name
  }
  return id
}

/**
 * Where a plan requirement's file belongs in the library (the requirements table's owner rule),
 * for the check step's import and letter buttons. A relation the plan names but the library
 * lacks is declared here (audited, as relations.save); for an unordered parent–subsidiary pair
 * the caller is first asked which party is the parent.
 */
export async function requirementTarget(
  store: LibraryStore,
  input: {
    packetId: string
    ref: { id: string; subject: string }
    parentId?: string | undefined
    /** The packet's plan: only its requirements can be opened (and relations declared). */
    plan: Plan
  },
): Promise<RequirementTarget> {
  const db = store.db
  const packet = await getPacket(db, input.packetId)
  const spec = specOf(input.ref.id)
  const owner = ownerOf(input.ref, packet)
  if (!spec || !owner || !inPlan(input.plan, input.ref)) {
    throw new AppError('INVALID_ARGUMENT', '该材料不在此资质包的材料清单中', 'ref')
  }
  const requirement = input.ref.id
  if (owner.ownerKind !== 'relation') {
    return {
      kind: 'documents',
      ownerKind: owner.ownerKind,
      ownerId: owner.ownerId,
      requirement,
      subject: owner.subject,
    }
  }
  const { relationType, from, to, unordered } = owner
  // Find-or-create as one step: two clerks opening the same requirement at once get the same
  // relation, not two (an advisory lock on PostgreSQL; SQLite writes one at a time anyway).
  return store.db.transaction().execute(async (trx) => {
    await lockKey(trx, `relation:${relationType}:${[from, to].sort().join('|')}`)
    const found = (await listRelations(trx)).find(
      (r) =>
        r.type === relationType &&
        ((r.from.id === from && r.to.id === to) ||
          (unordered && r.from.id === to && r.to.id === from)),
    )
    const letter = spec.letter !== null
    if (found) return { kind: 'relation', relationId: found.id, requirement, letter }
    if (unordered && input.parentId === undefined) {
      return {
        kind: 'chooseParent',
        parties: await Promise.all(
          [from, to].map(async (id) => ({ id, name: await partyName(trx, id) })),
        ),
      }
    }
    if (unordered && input.parentId !== from && input.parentId !== to) {
      throw new AppError('INVALID_ARGUMENT', '母公司须是这两方之一', 'parentId')
    }
    // A directed subject names grantor → grantee; an unordered pair is parent → subsidiary.
    const [source, target] = unordered && input.parentId === to ? [to, from] : [from, to]
    const kind = await partyKind(trx, source)
    if (!kind) throw new AppError('NOT_FOUND', '关系的一方不存在或已被删除。')
    const relation = await saveRelationIn(store, trx, {
      type: relationType,
      from: { kind, id: source },
      toCompanyId: target,
    })
    return { kind: 'relation', relationId: relation.id, requirement, letter }
  })
}
