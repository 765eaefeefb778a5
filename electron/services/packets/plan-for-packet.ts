import type { IndustryCatalog } from '../../../shared/industries/catalog'
import type { Packet } from '../../../shared/library/schemas'
import { plan as planScenario } from '../../../shared/rules/plan'
import { isPacketReady, packetFormProblems } from '../../../shared/rules/readiness'
import type { Scenario } from '../../../shared/rules/scenario'
import type { Plan } from '../../../shared/rules/types'
import { pendingLetters } from '../letters/pending'
import { getPacket } from './packets'
import { buildScenario, type ReadLookup } from './scenario'
import { inSnapshot, type Executor, type LibraryStore } from '../storage/library-store'

export interface PlanSource {
  library: LibraryStore
  catalog: () => Promise<IndustryCatalog>
  /** What the scans say, where this machine has read them (issue 12). */
  reads?: ReadLookup | undefined
}

/** A packet's plan as the app shows it everywhere (handlers, letters, export, CLI). */
export interface PacketPlan {
  packet: Packet
  scenario: Scenario
  /** The document plan, with `ready` meaning the packet's readiness (documents and form). */
  plan: Plan
  asOf: string
  /** What the platform's form still lacks (no 推广行业, …): each keeps `ready` false. */
  formProblems: string[]
  /** Letters generated for its requirements whose signed scans are not back yet. */
  waitingSignatures: number
}

/**
 * The one way to plan a packet: its scenario from the library, the rules, the letters waiting
 * for their signed scans, and the one definition of ready (shared/rules/readiness.ts). Read in
 * one snapshot: on the team library other clerks may be saving meanwhile.
 */
export async function planForPacket(
  ctx: PlanSource,
  packetId: string,
  asOf: string,
  without?: ReadonlySet<string>,
): Promise<PacketPlan> {
  const catalog = await ctx.catalog()
  return inSnapshot(ctx.library, (trx) =>
    planWith(trx, catalog, packetId, asOf, ctx.reads, without),
  )
}

/** The same, inside a snapshot the caller holds (an export reads its documents in it too). */
export async function planWith(
  db: Executor,
  catalog: IndustryCatalog,
  packetId: string,
  asOf: string,
  reads?: ReadLookup,
  without?: ReadonlySet<string>,
): Promise<PacketPlan> {
  const packet = await getPacket(db, packetId)
  // The packet just read, not read again (今日 plans every packet).
  const scenario = await buildScenario(db, packet, asOf, reads, without)
  const { plan: documentPlan, waiting } = await pendingLetters(db, planScenario(scenario, catalog))
  const formProblems = packetFormProblems({
    applicantCompanyId: packet.applicantCompanyId,
    accountName: packet.accountName,
    industries: packet.industries,
    accountIndustry: packet.accountIndustry,
    hasAvatar: scenario.account.avatar != null,
  })
  return {
    packet,
    scenario,
    asOf,
    formProblems,
    waitingSignatures: waiting,
    plan: { ...documentPlan, ready: isPacketReady(documentPlan.ready, formProblems) },
  }
}

/**
 * The same packet as of another day, from the scenario already read: a day changes only the
 * rules' dates (R6's wait, R14's validity), not what the library holds — 今日 compares today
 * with yesterday without reading the library twice (issue 14, start-up).
 */
export async function replanAsOf(
  ctx: PlanSource,
  planned: PacketPlan,
  asOf: string,
): Promise<PacketPlan> {
  const catalog = await ctx.catalog()
  const scenario: Scenario = { ...planned.scenario, asOf }
  const { plan: documentPlan, waiting } = await inSnapshot(ctx.library, (trx) =>
    pendingLetters(trx, planScenario(scenario, catalog)),
  )
  return {
    ...planned,
    scenario,
    asOf,
    waitingSignatures: waiting,
    plan: { ...documentPlan, ready: isPacketReady(documentPlan.ready, planned.formProblems) },
  }
}
