/**
 * Calendar dates as `YYYY-MM-DD` strings. All arithmetic is on the calendar
 * (UTC day numbers), never on local times, so results do not depend on the
 * machine's time zone.
 */
export interface CalendarDate {
  year: number
  month: number // 1..12
  day: number // 1..31
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Parse a real calendar date; null for anything else (2026-02-30, 2026-2-3, …). */
export function parseIsoDate(text: string): CalendarDate | null {
  const match = ISO_DATE.exec(text)
  if (!match) return null
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  if (year < 1900 || year > 9999 || month < 1 || month > 12) return null
  if (day < 1 || day > daysInMonth(year, month)) return null
  return { year, month, day }
}

export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== null
}

export function formatIsoDate(date: CalendarDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0')
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`
}

function mustParse(text: string): CalendarDate {
  const date = parseIsoDate(text)
  if (!date) throw new RangeError(`not a calendar date: ${text}`)
  return date
}

/** Days since 1970-01-01 (UTC); differences are exact whole days. */
function dayNumber(text: string): number {
  const { year, month, day } = mustParse(text)
  return Date.UTC(year, month - 1, day) / 86_400_000
}

function fromDayNumber(days: number): string {
  const d = new Date(days * 86_400_000)
  return formatIsoDate({
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
  })
}

export function addDays(text: string, days: number): string {
  return fromDayNumber(dayNumber(text) + days)
}

/** `to - from` in days. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from)
}

/**
 * The day `months` months after `text`: the corresponding day, or the last day
 * of the target month when it has none (民法典 art. 202).
 */
export function addMonthsClamped(text: string, months: number): string {
  const { year, month, day } = mustParse(text)
  const index = year * 12 + (month - 1) + months
  const targetYear = Math.floor(index / 12)
  const targetMonth = (index % 12) + 1
  return formatIsoDate({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  })
}

/** Today in the given IANA time zone (China by default: the platform's calendar). */
export function todayIn(timeZone = 'Asia/Shanghai', now: Date = new Date()): string {
  return dayFormat(timeZone).format(now)
}

/**
 * One formatter per time zone: building one is slow, and a plan asks for today once per file
 * (its read facts), thousands of times for 今日 on a big library (issue 14, start-up).
 */
const dayFormats = new Map<string, Intl.DateTimeFormat>()
function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone)
  if (!format) {
    // en-CA formats as YYYY-MM-DD.
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    })
    dayFormats.set(timeZone, format)
  }
  return format
}
