import { addDays } from '../../../shared/dates'
import type { ExpiryItem, Packet, Relation } from '../../../shared/library/schemas'
import {
  arrivedToday,
  expiredToday,
  packetChangeToday,
  type DatedItem,
  type OpenTarget,
  type PacketRef,
  type RejectedPacket,
  TIMELINE_DAYS,
  type TodayChange,
  type TodayExpiries,
  type TodayHead,
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
import { ID_CHUNK } from '../library/ids'
import { listRelationsByIds } from '../library/relations'
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
/** Every packet planned as of today and yesterday: what 今日's parts all start from. */
interface PlannedPackets {
  today: string
  packets: Packet[]
  packetById: Map<string, Packet>
  /** relation id → the packets whose plan asks for its letter. */
  lettersFor: Map<string, Packet[]>
  /** The packets whose blockers ended today. */
  unblocked: TodayChange[]
}

type TodaySource = PlanSource & {
  today: () => string
  /** This machine's read cache, listed once for all the plans. */
  reading?: { cache: { storedShas(): Set<string> } } | undefined
}

const refOf = (p: Packet): PacketRef => ({ id: p.id, accountName: p.accountName })
const openPacket = (id: string): OpenTarget => ({ kind: 'packet', packetId: id })

/**
 * Every packet planned by planForPacket (the one definition of ready) as of today and as of
 * yesterday: costs what the packets' scenarios cost, not the library's size.
 */
async function planPackets(context: TodaySource): Promise<PlannedPackets> {
  // The catalog (the user's industry edits over the starter's) read once, not once per plan.
  const catalog = await context.catalog()
  // Likewise the read cache: its entries listed once, not asked for file by file (most files of
  // a big library were never read); a read landing meanwhile shows on the next refresh.
  const read = context.reads
  const stored = read && context.reading?.cache.storedShas()
  const reads = read && stored ? (sha: string) => (stored.has(sha) ? read(sha) : null) : read
  const ctx: TodaySource = { ...context, catalog: () => Promise.resolve(catalog), reads }
  const db = ctx.library.db
  const today = ctx.today()
  const yesterday = addDays(today, -1)
  const packets = await listPackets(db)
  const unblocked: TodayChange[] = []
  const lettersFor = new Map<string, Packet[]>()
  for (const packet of packets) {
    // SQLite answers synchronously: without this the plans would hold the process's other
    // work (the page's files, other calls) until the last packet (issue 14, start-up).
    await new Promise(setImmediate)
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
    unblocked.push({
      kind: 'unblocked',
      packet: refOf(packet),
      ended: change.ended.map((b) => ({ rule: b.rule, subject: markText.get(b.subject) ?? '' })),
      readyNow: now.plan.ready,
      open: openPacket(packet.id),
    })
  }
  const packetById = new Map(packets.map((p) => [p.id, p]))
  return { today, packets, packetById, lettersFor, unblocked }
}

/**
 * The 今日 overview (issue 13 item 8), built on the existing services: every packet planned as
 * of today and as of yesterday, its latest submission, the letters and their signed scans, and
 * the expiry list over the next 12 months — each item with the packets it affects and where the
 * clerk acts on it. The page asks for its two parts apart, the head first (issue 14, start-up).
 */
export async function todayOverview(ctx: TodaySource): Promise<TodayOverview> {
  const planned = await planPackets(ctx)
  return { ...(await todayHead(ctx, planned)), ...(await todayExpiries(ctx, planned)) }
}

/**
 * What changed state today (blockers ended, marks and papers expired today, signed scans
 * arrived), the letters waiting for signatures and the rejected packets: read by what they are
 * about (packets, letters, what was valid until yesterday), never the whole library.
 */
export async function todayHead(ctx: TodaySource, planned?: PlannedPackets): Promise<TodayHead> {
  const db = ctx.library.db
  const packed = planned ?? (await planPackets(ctx))
  const { today, packets, packetById } = packed
  const changes: TodayChange[] = [...packed.unblocked]

  // Expired as of today: valid until yesterday (the timeline's own items, looked up alone).
  const yesterdays = await listExpiries(db, today, TIMELINE_DAYS, addDays(today, -1))
  for (const item of await datedItems(db, yesterdays, packed)) {
    if (expiredToday(item.validUntil, today))
      changes.push({ kind: 'expired_today', item, open: item.open })
  }

  const lettersWaiting: WaitingLetter[] = []
  const seen = new Set<string>()
  const letters = await listLetters(db, {})
  const relationName = relationNames(
    await listRelationsByIds(
      db,
      letters.map((l) => l.relationId),
    ),
  )
  // Newest first: only a relation's latest letter for a packet counts (one made again replaces it).
  for (const letter of letters) {
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
  return { today, changes, lettersWaiting, rejected }
}

/**
 * What has expired or falls due within the next 12 months, with the packets each affects: as
 * many items as the library holds, so the page fills them in after the head.
 */
export async function todayExpiries(
  ctx: TodaySource,
  planned?: PlannedPackets,
): Promise<TodayExpiries> {
  const packed = planned ?? (await planPackets(ctx))
  const db = ctx.library.db
  const dated = await datedItems(db, await listExpiries(db, packed.today, TIMELINE_DAYS), packed)
  return {
    today: packed.today,
    expiring: dated.filter((d) => d.daysLeft <= EXPIRING_DAYS),
    timeline: dated,
  }
}

/**
 * Expiry items as 今日 shows them: named, with the packets they affect (a mark's packets, a
 * relation's — its letter asked for —, a scan's record's) and where to act. Names are looked up
 * by the items' ids, not read for the whole library.
 */
async function datedItems(
  db: Executor,
  items: readonly ExpiryItem[],
  { packets, packetById, lettersFor }: PlannedPackets,
): Promise<DatedItem[]> {
  const ownerOf = (item: ExpiryItem) => item.owner ?? { kind: item.kind, id: item.id }
  const marks = await liveTrademarks(
    db,
    items.filter((i) => i.kind === 'trademark').map((i) => i.id),
  )
  const relations = await listRelationsByIds(
    db,
    items.map(ownerOf).flatMap((o) => (o.kind === 'relation' ? [o.id] : [])),
  )
  const relationName = relationNames(relations)
  const relationById = new Map(relations.map((r) => [r.id, r]))
  const names = await recordNames(
    db,
    items.map((i) => ownerOf(i).id),
  )
  const registrantOf = new Map(
    [
      ...(await liveTrademarks(
        db,
        packets.flatMap((p) => p.trademarkIds),
      )),
    ].map(([id, t]) => [id, t.registrant]),
  )
  const affected = (kind: string, id: string): Packet[] => {
    if (kind === 'packet') return packetById.has(id) ? [packetById.get(id) as Packet] : []
    if (kind === 'trademark') return packets.filter((p) => p.trademarkIds.includes(id))
    if (kind === 'relation') return lettersFor.get(id) ?? []
    // A company or person: the applicant's packets and those with a mark it holds.
    return packets.filter(
      (p) => p.applicantCompanyId === id || p.trademarkIds.some((t) => registrantOf.get(t) === id),
    )
  }
  return items.map((item): DatedItem => {
    const owner = ownerOf(item)
    const mark = item.kind === 'trademark' ? marks.get(item.id) : undefined
    const open: OpenTarget =
      owner.kind === 'packet'
        ? openPacket(owner.id)
        : { kind: 'record', record: owner.kind as 'company', id: owner.id }
    return {
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
    }
  })
}

function relationRequirement(relation: Relation | undefined): string | null {
  return relation ? requirementOfRelation(relation.type) : null
}

/** "From → to" by relation id. */
function relationNames(relations: readonly Relation[]): Map<string, string> {
  return new Map(relations.map((r) => [r.id, `${r.from.name} → ${r.to.name}`]))
}

interface MarkFacts {
  text: string
  regNo: string
  /** The registrant's id (company or person). */
  registrant: string
}

/** Live trademarks by id. */
async function liveTrademarks(
  db: Executor,
  ids: readonly string[],
): Promise<Map<string, MarkFacts>> {
  const marks = new Map<string, MarkFacts>()
  for (const chunk of chunks(ids)) {
    const rows = await db
      .selectFrom('trademarks')
      .select(['id', 'text', 'reg_no', 'registrant_company_id', 'registrant_person_id'])
      .where('id', 'in', chunk)
      .where('deleted_at', 'is', null)
      .execute()
    for (const t of rows) {
      const registrant = t.registrant_company_id ?? t.registrant_person_id ?? ''
      marks.set(t.id, { text: t.text, regNo: t.reg_no, registrant })
    }
  }
  return marks
}

/**
 * Companies', persons', packets' and trademarks' names by id (a scan's record, for the
 * timeline), deleted rows too, as before; a later table wins a shared id.
 */
async function recordNames(db: Executor, ids: readonly string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>()
  for (const chunk of chunks(ids)) {
    const rows = [
      ...(await db
        .selectFrom('companies')
        .select(['id', 'name'])
        .where('id', 'in', chunk)
        .execute()),
      ...(await db.selectFrom('persons').select(['id', 'name']).where('id', 'in', chunk).execute()),
      ...(await db
        .selectFrom('packets')
        .select(['id', 'account_name as name'])
        .where('id', 'in', chunk)
        .execute()),
      ...(await db
        .selectFrom('trademarks')
        .select(['id', 'text as name'])
        .where('id', 'in', chunk)
        .execute()),
    ]
    for (const row of rows) names.set(row.id, row.name)
  }
  return names
}

/** Distinct ids, in lists short enough for one statement's parameters. */
function chunks(ids: readonly string[]): string[][] {
  const unique = [...new Set(ids)]
  const out: string[][] = []
  for (let start = 0; start < unique.length; start += ID_CHUNK) {
    out.push(unique.slice(start, start + ID_CHUNK))
  }
  return out
}
