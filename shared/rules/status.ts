import type { Status } from './types'

const RANK: Record<Status, number> = { satisfied: 3, fixable: 2, invalid: 1, missing: 0 }

/** satisfied > fixable > invalid > missing (RULES.md §4, anyOf). */
export function bestStatus(statuses: readonly Status[]): Status {
  let best: Status = 'missing'
  for (const status of statuses) if (RANK[status] > RANK[best]) best = status
  return best
}

export function blocksReadiness(status: Status): boolean {
  return status === 'missing' || status === 'invalid'
}
