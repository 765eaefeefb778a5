import { addDays, daysBetween, todayIn } from '../dates'
import type { Blocker } from '../rules/types'

/**
 * The 今日 overview's pure parts (issue 13 item 8): what counts as "changed today", how many
 * days are left in words, how urgent a date is, and where a date sits on the 12-month timeline.
 */

/** A mark with its number, brackets as the language writes them: 青禾（45678901）, 青禾 (45678901). */
export function withNumber(name: string, regNo: string | null, language: 'zh-CN' | 'en'): string {
  if (!regNo) return name
  return language === 'en' ? `${name} (${regNo})` : `${name}（${regNo}）`
}

/** How a date reads: "已过期 547 天", "今天到期", "还有 12 天" (never "-547"). */
export function daysLeftText(daysLeft: number, language: 'zh-CN' | 'en'): string {
  if (language === 'en') {
    if (daysLeft === 0) return 'Due today'
    const n = Math.abs(daysLeft)
    const unit = n === 1 ? 'day' : 'days'
    return daysLeft < 0 ? `Expired ${n} ${unit} ago` : `${n} ${unit} left`
  }
  if (daysLeft === 0) return '今天到期'
  return daysLeft < 0 ? `已过期 ${-daysLeft} 天` : `还有 ${daysLeft} 天`
}

export type Urgency = 'expired' | 'urgent' | 'soon' | 'later'

/** Expired; within 30 days; within 90 days; later. */
export function urgencyOf(daysLeft: number): Urgency {
  if (daysLeft < 0) return 'expired'
  if (daysLeft <= 30) return 'urgent'
  if (daysLeft <= 90) return 'soon'
  return 'later'
}

/** A packet planned as of yesterday and as of today (planForPacket, the one definition). */
export interface PlanPair {
  yesterday: { ready: boolean; blockers: Blocker[] }
  today: { ready: boolean; blockers: Blocker[] }
}

/** What changed for a packet overnight: the waiting periods that ended today, ready now or not. */
export interface PacketChange {
  /** The blockers of yesterday whose waiting ends today (R6's three months, …). */
  ended: Blocker[]
  /** Ready today by the one definition (and not yesterday). */
  becameReady: boolean
}

/**
 * A packet changed state today when a blocker of yesterday's plan was waiting until today and
 * is gone from today's, or when it is ready today and was not yesterday. Null: nothing changed.
 */
export function packetChangeToday(pair: PlanPair, today: string): PacketChange | null {
  const stillBlocking = new Set(pair.today.blockers.map((b) => `${b.rule}|${b.subject}`))
  const ended = pair.yesterday.blockers.filter(
    (b) => b.until === today && !stillBlocking.has(`${b.rule}|${b.subject}`),
  )
  const becameReady = pair.today.ready && !pair.yesterday.ready
  return ended.length > 0 || becameReady ? { ended, becameReady } : null
}

/** The day (China's calendar, the platform's) a stored timestamp (ISO, UTC) falls on. */
function dayOfTimestamp(timestamp: string): string {
  return todayIn('Asia/Shanghai', new Date(timestamp))
}

/** A signed scan imported today (China's calendar). */
export function arrivedToday(timestamp: string | null, today: string): boolean {
  return timestamp !== null && dayOfTimestamp(timestamp) === today
}

/** Valid until yesterday: expired as of today. */
export function expiredToday(validUntil: string, today: string): boolean {
  return validUntil === addDays(today, -1)
}

/** The timeline's span: today and the next 12 months (365 days). */
export const TIMELINE_DAYS = 365

/** On the timeline: expired (drawn apart, left), within the 12 months, or beyond them. */
export function onTimeline(validUntil: string, today: string): 'expired' | 'within' | 'beyond' {
  const days = daysBetween(today, validUntil)
  if (days < 0) return 'expired'
  return days <= TIMELINE_DAYS ? 'within' : 'beyond'
}

/** The month boundaries across the timeline: the 1st of each month after today, 12 of them. */
export function timelineMonths(today: string): { first: string; offset: number }[] {
  const [year, month] = today.split('-').map(Number) as [number, number]
  const out: { first: string; offset: number }[] = []
  for (let i = 1; i <= 12; i++) {
    const index = year * 12 + (month - 1) + i
    const first = `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}-01`
    const offset = daysBetween(today, first)
    if (offset <= TIMELINE_DAYS) out.push({ first, offset })
  }
  return out
}

/** Where a row opens: the packet in the wizard, a record's drawer in the library, a letter. */
export type OpenTarget =
  | { kind: 'packet'; packetId: string }
  | { kind: 'record'; record: 'company' | 'person' | 'trademark' | 'relation'; id: string }
  | {
      kind: 'letter'
      letterId: string
      relationId: string
      packetId: string | null
      requirement: string
    }

export interface PacketRef {
  id: string
  accountName: string
}

/**
 * What changed state today. Names are the library's own (data); the sentence around them is the
 * page's, in the clerk's language.
 */
export type TodayChange =
  | {
      kind: 'unblocked'
      packet: PacketRef
      /** The rules whose waiting ended today (R6) and what they were waiting on (a mark's text). */
      ended: { rule: string; subject: string }[]
      /** Ready now by the one definition of ready. */
      readyNow: boolean
      open: OpenTarget
    }
  | {
      kind: 'letter_signed'
      /** 授权方 → 被授权方. */
      name: string
      requirement: string
      packet: PacketRef | null
      open: OpenTarget
    }
  | { kind: 'expired_today'; item: DatedItem; open: OpenTarget }

export interface WaitingLetter {
  letterId: string
  relationId: string
  requirement: string
  /** 授权方 → 被授权方. */
  name: string
  status: 'generated' | 'printed'
  createdOn: string
  packet: PacketRef | null
  open: OpenTarget
}

/** Something with a valid-until: a trademark, a relation's letter, an ID or licence scan. */
export interface DatedItem {
  kind: 'trademark' | 'relation' | 'document'
  id: string
  /** The record's name: a mark's text, 授权方 → 被授权方, a scan's record. */
  name: string
  /** A trademark's registration number. */
  regNo: string | null
  /** A relation's letter or a document: its requirement (labelled in the clerk's language). */
  requirement: string | null
  validUntil: string
  daysLeft: number
  packets: PacketRef[]
  open: OpenTarget
}

export interface RejectedPacket {
  packet: PacketRef
  submittedOn: string
  reasons: string
  tags: string[]
  open: OpenTarget
}

/**
 * 今日's top (overview.todayHead): what changed today, letters waiting, rejected packets. Its
 * cost follows the packets and letters, not the library's documents: the page paints it first
 * (issue 14, start-up).
 */
export interface TodayHead {
  today: string
  changes: TodayChange[]
  lettersWaiting: WaitingLetter[]
  rejected: RejectedPacket[]
}

/** 今日's dated items (overview.todayExpiries): as many as the library holds, so they follow. */
export interface TodayExpiries {
  today: string
  /** Expired or due within 90 days, most urgent first, with the packets they affect. */
  expiring: DatedItem[]
  /** Expired, or due within the next 12 months: the timeline's marks. */
  timeline: DatedItem[]
}

/** The whole 今日 overview (overview.today): the head and the dated items of one moment. */
export type TodayOverview = TodayHead & TodayExpiries
