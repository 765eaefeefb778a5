import type { IndustryCatalog } from '../industries/catalog'
import { ruleR4AccountName } from './account-name'
import { ruleR12CompanyApplicant } from './applicant'
import { ruleR1Avatar } from './avatar'
import { createContext } from './context'
import { ruleR3AccountIndustry, ruleR3Industry } from './industry'
import { ruleR8Link, ruleR8Route } from './links'
import { slotFor } from './requirement-derive'
import { ruleR13PromotedSubject } from './promoted-subject'
import type { Scenario } from './scenario'
import { blocksReadiness } from './status'
import {
  ruleR5Registered,
  ruleR6ApplicationAge,
  ruleR7TransferAccepted,
  needsLink,
} from './trademark-status'
import {
  isAnyOf,
  type Blocker,
  type Plan,
  type Requirement,
  type Route,
  type RuleOutcome,
  type Slot,
  type Warning,
} from './types'

function sameNote(a: Warning, b: Warning): boolean {
  return a.rule === b.rule && a.subject === b.subject && a.message === b.message
}

function identity(requirement: Requirement): string {
  if (isAnyOf(requirement)) {
    return `anyOf(${requirement.anyOf
      .map((a) => `${a.id}:${a.subject}`)
      .sort()
      .join('|')})`
  }
  return `${requirement.id}:${requirement.subject}`
}

/** The item's slot from the requirements table; R8 moves link items to email on that route. */
function itemSlot(requirement: Requirement, route: Route): Slot {
  const id = isAnyOf(requirement) ? requirement.anyOf[0]?.id : requirement.id
  return id === undefined ? requirement.slot : slotFor(id, route)
}

/**
 * RULES.md §4–§5: a scenario in, a plan out. Pure: no I/O, no clock (the
 * scenario's asOf is the only date).
 */
export function plan(scenario: Scenario, catalog: IndustryCatalog): Plan {
  const ctx = createContext(scenario, catalog)
  const outcomes: RuleOutcome[] = [
    ruleR12CompanyApplicant(ctx),
    ruleR1Avatar(ctx),
    ruleR3AccountIndustry(ctx),
    ruleR3Industry(ctx),
    ruleR4AccountName(ctx),
  ]
  let anyLink = false
  for (const tm of scenario.trademarks) {
    if (tm.status === 'registered') outcomes.push(ruleR5Registered(ctx, tm))
    else if (tm.status === 'application_accepted') outcomes.push(ruleR6ApplicationAge(ctx, tm))
    else outcomes.push(ruleR7TransferAccepted(ctx, tm))
    if (needsLink(ctx, tm)) {
      anyLink = true
      outcomes.push(ruleR8Link(ctx, tm))
    }
  }
  outcomes.push(ruleR13PromotedSubject(ctx))

  const route = ruleR8Route(ctx, anyLink)
  const seen = new Set<string>()
  const requirements: Requirement[] = []
  const blockers: Blocker[] = []
  const warnings: Warning[] = []
  for (const outcome of outcomes) {
    for (const requirement of outcome.requirements ?? []) {
      // The same requirement reached through several trademarks is listed once.
      const key = identity(requirement)
      if (seen.has(key)) continue
      seen.add(key)
      requirements.push({ ...requirement, slot: itemSlot(requirement, route) })
    }
    // A blocker or warning reached through several trademarks is also listed once.
    for (const blocker of outcome.blockers ?? []) {
      if (!blockers.some((b) => b.rule === blocker.rule && b.subject === blocker.subject)) {
        blockers.push(blocker)
      }
    }
    for (const warning of outcome.warnings ?? []) {
      if (!warnings.some((w) => sameNote(w, warning))) warnings.push(warning)
    }
  }
  const ready = blockers.length === 0 && !requirements.some((r) => blocksReadiness(r.status))
  return { route, ready, requirements, blockers, warnings }
}
