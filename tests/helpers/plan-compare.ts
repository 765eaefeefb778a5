import { requirementKey, type Plan } from '../../shared/rules/types'

/** An `.expected.json` file of ../shared/scenarios (see its README). */
export interface Expected {
  error?: boolean
  field?: string
  route?: string
  ready?: boolean
  requirements?: string[]
  requirementsInclude?: string[]
  blockers?: { rule: string; subject: string; until?: string }[]
  warningsInclude?: string[]
}

/** Requirement keys as the README writes them, without industry items. */
export function planKeys(plan: Plan): string[] {
  return plan.requirements
    .filter((r) => 'anyOf' in r || r.id !== 'industry_qualification')
    .map(requirementKey)
}

/** Every way `plan` differs from `expected`; empty when they agree. */
export function differences(plan: Plan, expected: Expected): string[] {
  const out: string[] = []
  if (expected.route !== undefined && plan.route !== expected.route) {
    out.push(`route ${plan.route} ≠ ${expected.route}`)
  }
  if (expected.ready !== undefined && plan.ready !== expected.ready) {
    out.push(`ready ${plan.ready} ≠ ${expected.ready}`)
  }
  const keys = planKeys(plan)
  if (expected.requirements) {
    const want = [...expected.requirements].sort()
    const got = [...keys].sort()
    if (JSON.stringify(want) !== JSON.stringify(got)) {
      out.push(`requirements ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`)
    }
  }
  for (const key of expected.requirementsInclude ?? []) {
    if (!keys.includes(key)) out.push(`missing requirement ${key} in ${JSON.stringify(keys)}`)
  }
  if (expected.blockers) {
    const got = plan.blockers.map((b) => `${b.rule}@${b.subject}`).sort()
    const want = expected.blockers.map((b) => `${b.rule}@${b.subject}`).sort()
    if (JSON.stringify(got) !== JSON.stringify(want)) {
      out.push(`blockers ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`)
    }
    for (const blocker of expected.blockers) {
      if (blocker.until === undefined) continue
      const match = plan.blockers.find(
        (b) => b.rule === blocker.rule && b.subject === blocker.subject,
      )
      if (match?.until !== blocker.until) {
        out.push(
          `blocker ${blocker.rule}@${blocker.subject} until ${match?.until} ≠ ${blocker.until}`,
        )
      }
    }
  }
  const warnings = plan.warnings.map((w) => `${w.rule}@${w.subject}`)
  for (const key of expected.warningsInclude ?? []) {
    if (!warnings.includes(key)) out.push(`missing warning ${key} in ${JSON.stringify(warnings)}`)
  }
  return out
}
