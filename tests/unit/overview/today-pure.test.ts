import { describe, expect, it } from 'vitest'
import {
  arrivedToday,
  daysLeftText,
  expiredToday,
  onTimeline,
  packetChangeToday,
  timelineMonths,
  urgencyOf,
  withNumber,
  type PlanPair,
} from '../../../shared/overview/today'
import type { Blocker } from '../../../shared/rules/types'

describe('days left in words (never "-547")', () => {
  it.each([
    [-547, '已过期 547 天', 'Expired 547 days ago'],
    [-1, '已过期 1 天', 'Expired 1 day ago'],
    [0, '今天到期', 'Due today'],
    [1, '还有 1 天', '1 day left'],
    [12, '还有 12 天', '12 days left'],
  ])('%i → %s / %s', (days, zh, en) => {
    expect(daysLeftText(days, 'zh-CN')).toBe(zh)
    expect(daysLeftText(days, 'en')).toBe(en)
    expect(daysLeftText(days, 'zh-CN')).not.toContain('-')
  })
})

describe('urgency', () => {
  it.each([
    [-3, 'expired'],
    [0, 'urgent'],
    [30, 'urgent'],
    [31, 'soon'],
    [90, 'soon'],
    [91, 'later'],
  ] as const)('%i days → %s', (days, urgency) => expect(urgencyOf(days)).toBe(urgency))
})

const r6 = (until: string, subject = 'tm1'): Blocker => ({
  rule: 'R6',
  subject,
  until,
  message: 'R6',
})
const pair = (yesterday: [boolean, Blocker[]], today: [boolean, Blocker[]]): PlanPair => ({
  yesterday: { ready: yesterday[0], blockers: yesterday[1] },
  today: { ready: today[0], blockers: today[1] },
})

describe('what counts as changed today', () => {
  const today = '2026-12-01'
  it.each([
    [
      'an R6 wait that ended today, ready now',
      pair([false, [r6(today)]], [true, []]),
      { ended: [r6(today)], becameReady: true },
    ],
    [
      'an R6 wait that ended today, something else still missing',
      pair([false, [r6(today)]], [false, []]),
      { ended: [r6(today)], becameReady: false },
    ],
    [
      'one mark free today, another still waiting',
      pair([false, [r6(today), r6('2026-12-20', 'tm2')]], [false, [r6('2026-12-20', 'tm2')]]),
      { ended: [r6(today)], becameReady: false },
    ],
    [
      'a wait ending tomorrow',
      pair([false, [r6('2026-12-02')]], [false, [r6('2026-12-02')]]),
      null,
    ],
    ['a wait that ended yesterday', pair([true, []], [true, []]), null],
    ['nothing blocked, nothing changed', pair([false, []], [false, []]), null],
    [
      'ready today, not yesterday (no wait involved)',
      pair([false, []], [true, []]),
      { ended: [], becameReady: true },
    ],
    [
      'the same blocker still there today (its date moved)',
      pair([false, [r6(today)]], [false, [r6('2026-12-10')]]),
      null,
    ],
  ])('%s', (_name, input, expected) => {
    expect(packetChangeToday(input, today)).toEqual(expected)
  })
})

describe('signed scans and expiries of today (China calendar)', () => {
  it.each([
    ['2026-12-01T00:30:00.000Z', '2026-12-01', true],
    // 23:30 UTC on Nov 30 is 07:30 on Dec 1 in China.
    ['2026-11-30T23:30:00.000Z', '2026-12-01', true],
    ['2026-11-30T15:59:00.000Z', '2026-12-01', false],
    ['2026-12-01T16:00:00.000Z', '2026-12-01', false],
  ])('%s arrived on %s: %s', (stamp, today, expected) => {
    expect(arrivedToday(stamp, today)).toBe(expected)
  })
  it('no scan: not arrived', () => expect(arrivedToday(null, '2026-12-01')).toBe(false))
  it.each([
    ['2026-11-30', true],
    ['2026-12-01', false],
    ['2026-11-29', false],
  ])('valid until %s expires today: %s', (until, expected) => {
    expect(expiredToday(until, '2026-12-01')).toBe(expected)
  })
})

describe('the 12-month timeline', () => {
  it.each([
    ['2026-11-30', 'expired'],
    ['2026-12-01', 'within'],
    ['2027-12-01', 'within'],
    ['2027-12-02', 'beyond'],
  ] as const)('%s → %s', (until, where) => expect(onTimeline(until, '2026-12-01')).toBe(where))

  it('twelve month starts after today, at their day offsets', () => {
    const months = timelineMonths('2026-12-01')
    expect(months).toHaveLength(12)
    expect(months[0]).toEqual({ first: '2027-01-01', offset: 31 })
    expect(months[11]).toEqual({ first: '2027-12-01', offset: 365 })
    const mid = timelineMonths('2026-12-15')
    expect(mid.map((m) => m.first)).toEqual(months.map((m) => m.first))
    expect(mid[11]).toEqual({ first: '2027-12-01', offset: 351 })
  })
})

describe('a mark with its number', () => {
  it.each([
    ['zh-CN', '青禾（45678901）'],
    ['en', '青禾 (45678901)'],
  ] as const)('%s: %s (no full-width brackets in English)', (language, expected) => {
    expect(withNumber('青禾', '45678901', language)).toBe(expected)
  })
  it('no number: the name alone', () =>
    expect(withNumber('张伟 → 青禾', null, 'en')).toBe('张伟 → 青禾'))
})
