import { addDays } from '../../../shared/dates'
import type { Packet, Relation } from '../../../shared/library/schemas'
import {
  arrivedToday,
  expiredToday,
  packetChangeToday,
  type DatedItem,
  type OpenTarget,
  type PacketRef,
  type RejectedPacket,
  type TodayChange,
  type TodayOverview,
  type WaitingLetter,
} from '../../../shared/overview/today'
import {
  letterRequirementIds,
  requirementOfRelation,
} from '../../../shared/rules/requirement-derive'
import { isAnyOf, type Plan } from '../../../shared/rules/types'
import { relationIdFor } from '../letters/pending'
import { listLetters, signedScanOf } from '../letters/records'
import { listExpiries } from '../library/expiries'
import { listRelations } from '../library/relations'
import { listTrademarks } from '../library/trademarks'
import { listPackets } from '../packets/packets'
import { planForPacket, replanAsOf, type PlanSource } from '../packets/plan-for-packet'
import type { Executor } from '../storage/library-store'

const LETTER_IDS = new Set<string>(letterRequirementIds())

/** Within this many days an item is "expiring" (the expiry list's window). */
const EXPIRING_DAYS = 90

/** The relations whose letters a plan asks for (plain or either/or items). */
async function letterRelationsOf(db: Executor, plan: Plan): Promise<Set<string>> {
  const ids = new Set<string>()
  for (const item of plan.requirements) {
    for (const ref of isAnyOf(item) ? item.anyOf : [item]) {
      if (!LETTER_IDS.has(ref.id)) continue
      const id = await relationIdFor(db, ref)
      if (id) ids.add(id)
    }
  }
  return ids
}

async function signedAt(
  db: Executor,
  letter: { relationId: string; requirement: string; createdAt: string },
): Promise<string | null> {
  return (await signedScanOf(db, letter))?.created_at ?? null
}

/**
 * The 今日 overview (issue 13 item 8), built on the existing services: every packet planned by
 * planForPacket (the one definition of ready) as of today and as of yesterday, its latest
 * submission, the letters and their signed scans, and the expiry list over the next 12 months —
 * each item with the packets it affects and where the clerk acts on it.
 */
export async function todayOverview(
  ctx: PlanSource & { today: () => string },
): Promise<TodayOverview> {
  const db = ctx.library.db
  const today = ctx.today()
  const yesterday = addDays(today, -1)
  const packets = await listPackets(db)
  const refOf = (p: Packet): PacketRef => ({ id: p.id, accountName: p.accountName })
  const packetById = new Map(packets.map((p) => [p.id, p]))
  const openPacket = (id: string): OpenTarget => ({ kind: 'packet', packetId: id })

  const changes: TodayChange[] = []
  /** relation id → the packets whose plan asks for its letter. */
  const lettersFor = new Map<string, Packet[]>()
  for (const packet of packets) {
    let now, before
    try {
      now = await planForPacket(ctx, packet.id, today)
      before = await replanAsOf(ctx, now, yesterday)
    } catch {
      // A packet that cannot be planned (its applicant deleted) shows in the packet list.
      continue
    }
    for (const id of await letterRelationsOf(db, now.plan)) {
      lettersFor.set(id, [...(lettersFor.get(id) ?? []), packet])
    }
    const change = packetChangeToday(
      {
        yesterday: { ready: before.plan.ready, blockers: before.plan.blockers },
        today: { ready: now.plan.ready, blockers: now.plan.blockers },
      },
      today,
    )
    if (!change || change.ended.length === 0) continue
    const markText = new Map(now.scenario.trademarks.map((t) => [t.id, t.text]))
    changes.push({
      kind: 'unblocked',
      packet: refOf(packet),
      ended: change.ended.map((b) => ({ rule: b.rule, subject: markText.get(b.subject) ?? '' })),
      readyNow: now.plan.ready,
      open: openPacket(packet.id),
    })
  }

  // Who a dated record affects: a mark's packets, a relation's (its letter asked for), a scan's
  // record's.
  const trademarks = await listTrademarks(db)
  const registrantOf = new Map(trademarks.map((t) => [t.id, t.registrant.id]))
  const relations = await listRelations(db)
  const relationName = new Map(relations.map((r) => [r.id, `${r.from.name} → ${r.to.name}`]))
  const affected = (kind: string, id: string): Packet[] => {
    if (kind === 'packet') return packetById.has(id) ? [packetById.get(id) as Packet] : []
    if (kind === 'trademark') return packets.filter((p) => p.trademarkIds.includes(id))
    if (kind === 'relation') return lettersFor.get(id) ?? []
    // A company or person: the applicant's packets and those with a mark it holds.
    return packets.filter(
      (p) => p.applicantCompanyId === id || p.trademarkIds.some((t) => registrantOf.get(t) === id),
    )
  }
  const names = await recordNames(db)
  const dated: DatedItem[] = []
  // By id: a big library has thousands of expiring items and ten thousand trademarks.
  const trademarkById = new Map(trademarks.map((t) => [t.id, t]))
  const relationById = new Map(relations.map((r) => [r.id, r]))
  for (const item of await listExpiries(db, today, 365)) {
    const owner = item.owner ?? { kind: item.kind, id: item.id }
    const mark = item.kind === 'trademark' ? trademarkById.get(item.id) : undefined
    const open: OpenTarget =
      owner.kind === 'packet'
        ? openPacket(owner.id)
        : { kind: 'record', record: owner.kind as 'company', id: owner.id }
    dated.push({
      kind: item.kind,
      id: item.id,
      name: mark ? mark.text : (relationName.get(owner.id) ?? names.get(owner.id) ?? ''),
      regNo: mark?.regNo ?? null,
      requirement:
        item.kind === 'trademark'
          ? null
          : item.kind === 'relation'
            ? relationRequirement(relationById.get(item.id))
            : (item.requirement ?? null),
      validUntil: item.validUntil,
      daysLeft: item.daysLeft,
      packets: affected(owner.kind, owner.id).map(refOf),
      open,
    })
  }
  for (const item of dated) {
    if (expiredToday(item.validUntil, today))
      changes.push({ kind: 'expired_today', item, open: item.open })
  }

  const lettersWaiting: WaitingLetter[] = []
  const seen = new Set<string>()
  // Newest first: only a relation's latest letter for a packet counts (one made again replaces it).
  for (const letter of await listLetters(db, {})) {
    const key = `${letter.relationId}|${letter.requirement}|${letter.packetId ?? ''}`
    if (seen.has(key)) continue
    seen.add(key)
    const packet = letter.packetId ? packetById.get(letter.packetId) : undefined
    const open: OpenTarget = {
      kind: 'letter',
      letterId: letter.id,
      relationId: letter.relationId,
      packetId: packet?.id ?? null,
      requirement: letter.requirement,
    }
    const name = relationName.get(letter.relationId)
    if (name === undefined) continue
    if (letter.status === 'signed') {
      if (arrivedToday(await signedAt(db, letter), today)) {
        changes.push({
          kind: 'letter_signed',
          name,
          requirement: letter.requirement,
          packet: packet ? refOf(packet) : null,
          open,
        })
      }
      continue
    }
    lettersWaiting.push({
      letterId: letter.id,
      relationId: letter.relationId,
      requirement: letter.requirement,
      name,
      status: letter.status,
      createdOn: letter.createdAt.slice(0, 10),
      packet: packet ? refOf(packet) : null,
      open,
    })
  }

  const rejected: RejectedPacket[] = []
  for (const packet of packets) {
    const latest = await db
      .selectFrom('submissions')
      .select(['submitted_on', 'result', 'reasons', 'tags'])
      .where('packet_id', '=', packet.id)
      .orderBy('submitted_on', 'desc')
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .executeTakeFirst()
    if (latest?.result !== 'rejected') continue
    rejected.push({
      packet: refOf(packet),
      submittedOn: latest.submitted_on,
      reasons: latest.reasons,
      tags: JSON.parse(latest.tags) as string[],
      open: openPacket(packet.id),
    })
  }

  return {
    today,
    changes,
    lettersWaiting,
    expiring: dated.filter((d) => d.daysLeft <= EXPIRING_DAYS),
    rejected,
    timeline: dated,
  }
}

function relationRequirement(relation: Relation | undefined): string | null {
  return relation ? requirementOfRelation(relation.type) : null
}

/** Companies', persons' and packets' names by id (a scan's record, for the timeline). */
async function recordNames(db: Executor): Promise<Map<string, string>> {
  const names = new Map<string, string>()
  for (const c of await db.selectFrom('companies').select(['id', 'name']).execute())
    names.set(c.id, c.name)
  for (const p of await db.selectFrom('persons').select(['id', 'name']).execute())
    names.set(p.id, p.name)
  for (const p of await db.selectFrom('packets').select(['id', 'account_name']).execute())
    names.set(p.id, p.account_name)
  for (const t of await db.selectFrom('trademarks').select(['id', 'text']).execute())
    names.set(t.id, t.text)
  return names
}
