import { addDays } from '../../shared/dates'
import { applicationEligibleFrom } from '../../shared/rules/trademark-status'

/** The acceptance date whose R6 three months end so that submitting is allowed from `day`. */
export function stampFreeOn(day: string): string {
  for (let back = 80; back < 100; back++) {
    const stamp = addDays(day, -back)
    if (applicationEligibleFrom(stamp) === day) return stamp
  }
  throw new Error(`no stamp frees on ${day}`)
}
