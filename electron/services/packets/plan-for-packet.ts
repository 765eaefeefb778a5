import type { Database } from 'better-sqlite3'
import type { IndustryCatalog } from '../../../shared/industries/catalog'
import type { Packet } from '../../../shared/library/schemas'
import { plan as planScenario } from '../../../shared/rules/plan'
import { isPacketReady, packetFormProblems } from '../../../shared/rules/readiness'
import type { Scenario } from '../../../shared/rules/scenario'
import type { Plan } from '../../../shared/rules/types'
import { withPendingLetters } from '../letters/pending'
import { getPacket } from './packets'
import { buildScenario } from './scenario'

export interface PlanSource {
  db: Database
  catalog: () => IndustryCatalog
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
}

/**
 * The one way to plan a packet: its scenario from the library, the rules, the letters waiting
 * for their signed scans, and the one definition of ready (shared/rules/readiness.ts).
 */
export function planForPacket(ctx: PlanSource, packetId: string, asOf: string): PacketPlan {
  const packet = getPacket(ctx.db, packetId)
  const scenario = buildScenario(ctx.db, packetId, asOf)
  const documentPlan = withPendingLetters(ctx.db, planScenario(scenario, ctx.catalog()))
  const formProblems = packetFormProblems({
    applicantCompanyId: packet.applicantCompanyId,
    accountName: packet.accountName,
    industries: packet.industries,
    hasAvatar: scenario.account.avatar != null,
  })
  return {
    packet,
    scenario,
    asOf,
    formProblems,
    plan: { ...documentPlan, ready: isPacketReady(documentPlan.ready, formProblems) },
  }
}
