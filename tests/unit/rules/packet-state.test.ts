import { describe, expect, it } from 'vitest'
import {
  isFinishedState,
  PACKET_STATE_KINDS,
  PACKET_STATE_LABELS,
  packetState,
  packetStateLabel,
  type PacketStateInput,
  type PacketStateKind,
} from '../../../shared/rules/packet-state'

const ready: PacketStateInput['plan'] = {
  ready: true,
  route: 'online',
  requirements: [
    {
      id: 'trademark_certificate',
      subject: 'c1',
      slot: 'other',
      rule: 'R1',
      status: 'satisfied',
      reasons: [],
    },
  ],
  blockers: [],
}
const missing: PacketStateInput['plan'] = {
  ready: false,
  route: 'online',
  requirements: [
    { id: 'avatar', subject: '', slot: 'avatar', rule: 'R1', status: 'missing', reasons: [] },
    {
      anyOf: [
        { id: 'authorization_letter', subject: 'a->b' },
        { id: 'general_agency_authorization', subject: 'a->b' },
      ],
      slot: 'other',
      rule: 'R9',
      status: 'invalid',
      reasons: [],
    },
    { id: 'avatar', subject: '', slot: 'avatar', rule: 'R1', status: 'missing', reasons: [] },
  ],
  blockers: [],
}
const blockedPlan = (until: string): PacketStateInput['plan'] => ({
  ...missing,
  blockers: [{ rule: 'R6', subject: 't1', message: 'R6', until }],
})

const base: PacketStateInput = {
  plan: ready,
  formProblems: [],
  waitingSignatures: 0,
  latestSubmission: null,
  latestExport: null,
  digest: 'd1',
  asOf: '2026-12-01',
}
const T1 = '2026-11-30T08:00:00.000Z'
const T2 = '2026-11-30T09:00:00.000Z'

const cases: [string, Partial<PacketStateInput>, PacketStateKind, string?][] = [
  ['ready, online', {}, 'ready'],
  ['ready, email route', { plan: { ...ready, route: 'email' } }, 'email'],
  ['documents missing', { plan: missing }, 'incomplete'],
  [
    'form incomplete only',
    { plan: { ...ready, ready: false }, formProblems: ['尚未导入账号头像'] },
    'incomplete',
  ],
  ['letters waiting for signatures', { plan: missing, waitingSignatures: 1 }, 'awaiting_signature'],
  ['R6 block until a later day', { plan: blockedPlan('2027-01-05') }, 'blocked', '2027-01-05'],
  [
    'R6 block beats waiting letters',
    { plan: blockedPlan('2027-01-05'), waitingSignatures: 2 },
    'blocked',
    '2027-01-05',
  ],
  ['a block that ended is none', { plan: blockedPlan('2026-12-01') }, 'incomplete'],
  [
    'the latest of several blocks',
    {
      plan: {
        ...missing,
        blockers: [...blockedPlan('2027-01-05').blockers, ...blockedPlan('2027-02-01').blockers],
      },
    },
    'blocked',
    '2027-02-01',
  ],
  ['exported, unchanged', { latestExport: { at: T1, digest: 'd1' } }, 'exported'],
  ['exported, then changed', { latestExport: { at: T1, digest: 'd0' } }, 'ready'],
  [
    'exported, no longer ready',
    { plan: missing, latestExport: { at: T1, digest: 'd1' } },
    'incomplete',
  ],
  ['submitted (pending)', { latestSubmission: { result: 'pending', at: T1 } }, 'submitted'],
  ['rejected', { plan: missing, latestSubmission: { result: 'rejected', at: T1 } }, 'rejected'],
  ['approved', { latestSubmission: { result: 'approved', at: T1 } }, 'approved'],
  [
    'submitted after the export',
    { latestExport: { at: T1, digest: 'd1' }, latestSubmission: { result: 'pending', at: T2 } },
    'submitted',
  ],
  [
    'exported again after a rejection',
    { latestSubmission: { result: 'rejected', at: T1 }, latestExport: { at: T2, digest: 'd1' } },
    'exported',
  ],
  [
    'rejected, exported, changed since',
    { latestSubmission: { result: 'rejected', at: T1 }, latestExport: { at: T2, digest: 'd0' } },
    'ready',
  ],
  [
    'approved stays approved after a later export',
    { latestSubmission: { result: 'approved', at: T1 }, latestExport: { at: T2, digest: 'd0' } },
    'approved',
  ],
]

describe('packetState: one state per packet', () => {
  it.each(cases)('%s', (_name, input, kind, until) => {
    const state = packetState({ ...base, ...input })
    expect(state.kind).toBe(kind)
    expect(state.until).toBe(until)
  })

  it('says what is missing in short: each requirement once, an any-of by its first', () => {
    const state = packetState({ ...base, plan: missing, formProblems: ['尚未填写账号名称'] })
    expect(state.missing).toEqual(['avatar', 'authorization_letter'])
    expect(state.formProblems).toEqual(['尚未填写账号名称'])
    expect(packetState(base).missing).toEqual([])
  })

  it('labels every state in both languages, the block with its date; English has no Chinese', () => {
    for (const kind of PACKET_STATE_KINDS) {
      const label = PACKET_STATE_LABELS[kind]
      expect(label.zh).toMatch(/\p{Script=Han}/u)
      expect(label.en).not.toMatch(/[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u)
    }
    const blocked = packetState({ ...base, plan: blockedPlan('2027-01-05') })
    expect(packetStateLabel(blocked, 'zh-CN')).toBe('受阻至 2027-01-05')
    expect(packetStateLabel(blocked, 'en')).toBe('Blocked until 2027-01-05')
    expect(packetStateLabel(packetState(base), 'en')).toBe('Ready')
  })

  it('finished packets: submitted, approved, exported', () => {
    expect(PACKET_STATE_KINDS.filter(isFinishedState)).toEqual([
      'submitted',
      'approved',
      'exported',
    ])
  })
})
