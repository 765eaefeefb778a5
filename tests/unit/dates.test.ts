import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addDays,
  addMonthsClamped,
  daysBetween,
  formatIsoDate,
  isIsoDate,
  parseIsoDate,
  todayIn,
} from '../../shared/dates'
import { applicationEligibleFrom } from '../../shared/rules/trademark-status'

/** Any real calendar date between 1990 and 2100. */
const calendarDate = fc
  .integer({ min: Date.UTC(1990, 0, 1) / 86_400_000, max: Date.UTC(2100, 11, 31) / 86_400_000 })
  .map((days) => addDays('1970-01-01', days))

describe('calendar dates', () => {
  it.each([
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2024-02-29', true],
    ['1900-02-29', false],
    ['2000-02-29', true],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['2026-1-01', false],
    ['26-01-01', false],
    ['2026-04-31', false],
  ])('%s is a real date: %s', (text, valid) => {
    expect(isIsoDate(text)).toBe(valid)
  })

  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-08-31', 3, '2026-11-30'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2027-03-31', -1, '2027-02-28'],
  ])('%s + %i months = %s (last day when none corresponds)', (date, months, expected) => {
    expect(addMonthsClamped(date, months)).toBe(expected)
  })

  it('today in China does not depend on the machine’s time zone', () => {
    // 2026-11-28 23:30 UTC is already 2026-11-29 in Shanghai.
    expect(todayIn('Asia/Shanghai', new Date('2026-11-28T23:30:00Z'))).toBe('2026-11-29')
    expect(todayIn('UTC', new Date('2026-11-28T23:30:00Z'))).toBe('2026-11-28')
  })

  it('round-trips and counts days exactly (property)', () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: -4000, max: 4000 }), (date, days) => {
        const later = addDays(date, days)
        expect(daysBetween(date, later)).toBe(days)
        const parsed = parseIsoDate(later)
        expect(parsed && formatIsoDate(parsed)).toBe(later)
      }),
    )
  })
})

describe('R6 eligible date (property)', () => {
  it('is always after the stamp date plus three months, and never before its corresponding day', () => {
    fc.assert(
      fc.property(calendarDate, (stamp) => {
        const eligible = applicationEligibleFrom(stamp)
        const threeMonths = addMonthsClamped(stamp, 3)
        // Strictly after the end of the period…
        expect(eligible > threeMonths).toBe(true)
        // …by exactly one day…
        expect(daysBetween(threeMonths, eligible)).toBe(1)
        // …and never earlier than the stamp's corresponding day three months on.
        const [y, m, d] = stamp.split('-').map(Number) as [number, number, number]
        const index = y * 12 + (m - 1) + 3
        const corresponding = `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`
        expect(eligible > corresponding || !isIsoDate(corresponding)).toBe(true)
        // Between 89 and 93 days after the stamp.
        const gap = daysBetween(stamp, eligible)
        expect(gap).toBeGreaterThanOrEqual(90)
        expect(gap).toBeLessThanOrEqual(93)
      }),
      { numRuns: 2000 },
    )
  })
})
