/**
 * A packet's place in the work queue (issue 13 item 7): one state, worked out here only, from
 * the one definition of ready (readiness.ts, as planForPacket applies it), the letters waiting
 * for their signed scans, the latest submission and the latest export. Pure: no I/O, no clock.
 */
import type { Language } from '../i18n/labels'
import { isAnyOf, type Plan, type RequirementRef } from './types'

export const PACKET_STATE_KINDS = [
  'ready',
  'incomplete',
  'blocked',
  'awaiting_signature',
  'email',
  'submitted',
  'rejected',
  'approved',
  'exported',
] as const
export type PacketStateKind = (typeof PACKET_STATE_KINDS)[number]

export interface PacketState {
  kind: PacketStateKind
  /** `blocked`: the first day the packet may be submitted (R6: the application's age). */
  until?: string
  /** What the documents still lack (requirement ids, plan order; an any-of by its first). */
  missing: string[]
  /** What the platform's form still lacks (readiness.ts, Chinese). */
  formProblems: string[]
}

export interface PacketStateInput {
  plan: Pick<Plan, 'ready' | 'route' | 'requirements' | 'blockers'>
  formProblems: readonly string[]
  /** Letters generated for this packet's requirements whose signed scan is not back yet. */
  waitingSignatures: number
  /** The latest submission recorded (`at`: when it was recorded, an ISO time). */
  latestSubmission: { result: 'pending' | 'approved' | 'rejected'; at: string } | null
  /** The latest export that was not a draft (`digest`: of the plan it was made from). */
  latestExport: { at: string; digest: string } | null
  /** The digest of the packet's plan now (same function as the export's). */
  digest: string
  /** Today (YYYY-MM-DD): a block that ended is no block. */
  asOf: string
}

const refsOf = (requirement: Plan['requirements'][number]): RequirementRef[] =>
  isAnyOf(requirement) ? requirement.anyOf : [requirement]

/** The requirements still keeping the packet from being ready, by id, once each. */
function missingOf(plan: PacketStateInput['plan']): string[] {
  const ids: string[] = []
  for (const requirement of plan.requirements) {
    if (requirement.status !== 'missing' && requirement.status !== 'invalid') continue
    const first = refsOf(requirement)[0]
    if (first && !ids.includes(first.id)) ids.push(first.id)
  }
  return ids
}

export function packetState(input: PacketStateInput): PacketState {
  const { plan, latestSubmission: submission, latestExport: exported } = input
  const base = { missing: missingOf(plan), formProblems: [...input.formProblems] }
  // What happened last decides: a submission recorded after the last export (or with none) …
  if (submission && (!exported || submission.at >= exported.at)) {
    const kind = ({ pending: 'submitted', approved: 'approved', rejected: 'rejected' } as const)[
      submission.result
    ]
    return { kind, ...base }
  }
  // … an approval stays one; an export counts while the packet is as it was exported.
  if (submission?.result === 'approved') return { kind: 'approved', ...base }
  if (exported && plan.ready && exported.digest === input.digest) {
    return { kind: 'exported', ...base }
  }
  if (!plan.ready) {
    const until = plan.blockers
      .map((b) => b.until)
      .filter((d): d is string => d !== undefined && d > input.asOf)
      .sort()
      .pop()
    if (until) return { kind: 'blocked', until, ...base }
    if (input.waitingSignatures > 0) return { kind: 'awaiting_signature', ...base }
    return { kind: 'incomplete', ...base }
  }
  return { kind: plan.route === 'email' ? 'email' : 'ready', ...base }
}

/** Calm colours: green for done or ready, grey for waiting, orange for work, red for refused. */
export const PACKET_STATE_LABELS: Record<
  PacketStateKind,
  { zh: string; en: string; color: string }
> = {
  ready: { zh: '可提交', en: 'Ready', color: 'teal' },
  incomplete: { zh: '待补材料', en: 'Needs documents', color: 'orange' },
  blocked: { zh: '受阻至', en: 'Blocked until', color: 'yellow' },
  awaiting_signature: { zh: '待签字扫描件', en: 'Awaiting signed scan', color: 'grape' },
  email: { zh: '邮件提交', en: 'Submit by email', color: 'cyan' },
  submitted: { zh: '已提交', en: 'Submitted', color: 'blue' },
  rejected: { zh: '已驳回', en: 'Rejected', color: 'red' },
  approved: { zh: '已通过', en: 'Approved', color: 'green' },
  exported: { zh: '已导出', en: 'Exported', color: 'indigo' },
}

/** The badge's text: `受阻至 2027-01-05` / `Blocked until 2027-01-05`. */
export function packetStateLabel(state: PacketState, language: Language): string {
  const label = PACKET_STATE_LABELS[state.kind]
  const text = language === 'en' ? label.en : label.zh
  return state.kind === 'blocked' && state.until ? `${text} ${state.until}` : text
}

/** Finished packets open at the wizard's 检查 step. */
export function isFinishedState(kind: PacketStateKind): boolean {
  return kind === 'submitted' || kind === 'approved' || kind === 'exported'
}
