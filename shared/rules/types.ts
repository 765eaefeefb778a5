/** The plan's vocabulary (RULES.md §3–§5): stable ids, machine-readable. */
import type { RequirementId, Slot } from './requirements'
import type { RuleId } from './sources'

export type { RequirementId, Slot } from './requirements'

export type { RuleId } from './sources'

export type Status = 'satisfied' | 'fixable' | 'missing' | 'invalid'
export type Route = 'online' | 'email'

export interface RequirementRef {
  id: RequirementId
  subject: string
}

export interface PlainRequirement extends RequirementRef {
  slot: Slot
  rule: RuleId
  status: Status
  reasons: string[]
  /** industry_qualification only: the catalog's documents for this pair. */
  documents?: string[]
}

export interface AnyOfRequirement {
  anyOf: RequirementRef[]
  slot: Slot
  rule: RuleId
  status: Status
  reasons: string[]
}

export type Requirement = PlainRequirement | AnyOfRequirement

export interface Blocker {
  rule: RuleId
  subject: string
  message: string
  /** The first day the packet may be submitted, where waiting is the cure. */
  until?: string
}

export interface Warning {
  rule: RuleId
  subject: string
  message: string
}

export interface Plan {
  route: Route
  ready: boolean
  requirements: Requirement[]
  blockers: Blocker[]
  warnings: Warning[]
}

/** What one rule function returns: plain data, merged by plan(). */
export interface RuleOutcome {
  requirements?: Requirement[]
  blockers?: Blocker[]
  warnings?: Warning[]
}

export function isAnyOf(requirement: Requirement): requirement is AnyOfRequirement {
  return 'anyOf' in requirement
}

/** `ID:SUBJECT:STATUS` or `anyOf(ID:SUBJECT|…):STATUS` (the scenarios' comparison key). */
export function requirementKey(requirement: Requirement): string {
  if (isAnyOf(requirement)) {
    const alternatives = requirement.anyOf.map((a) => `${a.id}:${a.subject}`).sort()
    return `anyOf(${alternatives.join('|')}):${requirement.status}`
  }
  return `${requirement.id}:${requirement.subject}:${requirement.status}`
}
