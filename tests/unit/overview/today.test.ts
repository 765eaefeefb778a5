import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Backend } from '../../../electron/services/backend'
import { fakeScan } from '../../../electron/services/demo/scans'
import { addDays, todayIn } from '../../../shared/dates'
import { suiteDemoBackend } from '../../helpers/backend'
import { stampFreeOn } from '../../helpers/r6'

// Today on the real clock: a signed scan "arrives today" by its import's own timestamp.
const today = todayIn()
let backend: Backend
let cleanup: () => Promise<void>
const h = () => backend.handlers

beforeAll(async () => {
  ;({ backend, cleanup } = await suiteDemoBackend(today))
}, 60_000)
afterAll(() => cleanup())

async function packetNamed(name: string) {
  const packet = (await h()['packets.list']({})).find((p) => p.accountName === name)
  if (!packet) throw new Error(`demo lacks ${name}`)
  return packet
}

describe('overview.today', () => {
  it('an R6 wait that ends today shows as changed today, with its packet', async () => {
    const qinghe = (await h()['companies.list']({})).find((c) => c.name.includes('青禾'))
    if (!qinghe) throw new Error('demo changed')
    const free = await h()['trademarks.save']({
      text: '青禾严选',
      regNo: '78901299',
      class: 35,
      registrant: { kind: 'company', id: qinghe.id },
      status: 'application_accepted',
      acceptanceDate: stampFreeOn(today),
    })
    const later = await h()['trademarks.save']({
      text: '青禾慢选',
      regNo: '78901298',
      class: 35,
      registrant: { kind: 'company', id: qinghe.id },
      status: 'application_accepted',
      acceptanceDate: stampFreeOn(addDays(today, 1)),
    })
    const base = {
      applicantCompanyId: qinghe.id,
      accountType: 'enterprise' as const,
      promotedSubject: 'none' as const,
      industries: [],
    }
    const freed = await h()['packets.save']({
      ...base,
      accountName: '青禾严选店',
      trademarkIds: [free.id],
    })
    await h()['packets.save']({ ...base, accountName: '青禾慢选店', trademarkIds: [later.id] })

    const overview = await h()['overview.today']({})
    expect(overview.today).toBe(today)
    const unblocked = overview.changes.filter((c) => c.kind === 'unblocked')
    expect(unblocked).toEqual([
      {
        kind: 'unblocked',
        packet: { id: freed.id, accountName: '青禾严选店' },
        ended: [{ rule: 'R6', subject: '青禾严选' }],
        readyNow: false,
        open: { kind: 'packet', packetId: freed.id },
      },
    ])
  })

  it('letters waiting for signatures, then the signed scan arriving today', async () => {
    const packet = await packetNamed('山岚旗舰店')
    const { letters } = await h()['letters.generateForPacket']({ packetId: packet.id })
    const [letter] = letters
    if (!letter) throw new Error('no letter')
    let overview = await h()['overview.today']({})
    expect(overview.lettersWaiting).toEqual([
      expect.objectContaining({
        letterId: letter.id,
        name: '杭州山岚品牌管理有限公司 → 上海青禾文化传媒有限公司',
        status: 'generated',
        packet: { id: packet.id, accountName: '山岚旗舰店' },
        open: {
          kind: 'letter',
          letterId: letter.id,
          relationId: letter.relationId,
          packetId: packet.id,
          requirement: 'authorization_letter',
        },
      }),
    ])
    expect(overview.changes.filter((c) => c.kind === 'letter_signed')).toEqual([])

    await h()['documents.import']({
      ownerKind: 'relation',
      ownerId: letter.relationId,
      requirement: 'authorization_letter',
      fileName: '授权书-签字.jpg',
      dataBase64: (await fakeScan('授权书', ['签字盖章'])).toString('base64'),
    })
    overview = await h()['overview.today']({})
    expect(overview.lettersWaiting).toEqual([])
    expect(overview.changes.filter((c) => c.kind === 'letter_signed')).toEqual([
      expect.objectContaining({
        name: '杭州山岚品牌管理有限公司 → 上海青禾文化传媒有限公司',
        packet: { id: packet.id, accountName: '山岚旗舰店' },
      }),
    ])
  })

  it('what expires within 90 days, with the packets it affects; the timeline spans 12 months', async () => {
    const overview = await h()['overview.today']({})
    const shanlan = overview.expiring.find((d) => d.name === '山岚' && d.regNo === '56789012')
    expect(shanlan).toMatchObject({
      kind: 'trademark',
      daysLeft: 60,
      packets: [{ accountName: '山岚旗舰店' }],
      open: { kind: 'record', record: 'trademark' },
    })
    const smith = overview.expiring.find((d) => d.name.startsWith('Smith & Co'))
    expect(smith).toMatchObject({ daysLeft: -30, packets: [] })
    // Most urgent first; nothing past 90 days in the list.
    const days = overview.expiring.map((d) => d.daysLeft)
    expect(days).toEqual([...days].sort((a, b) => a - b))
    expect(Math.max(...days)).toBeLessThanOrEqual(90)
    // 张伟 → 青禾 (365 days) is on the timeline, 山岚 → 青禾 (730) is not.
    const names = overview.timeline.map((d) => `${d.name}|${d.daysLeft}`)
    expect(names).toContain('张伟 → 上海青禾文化传媒有限公司|365')
    expect(names.some((n) => n.startsWith('杭州山岚品牌管理有限公司 →'))).toBe(false)
    const relation = overview.timeline.find((d) => d.name.startsWith('张伟 →'))
    expect(relation?.requirement).toBe('authorization_letter')
  })

  it('a trademark that expired today is a change of today', async () => {
    const zhang = (await h()['persons.list']({})).find((p) => p.name === '张伟')
    if (!zhang) throw new Error('demo changed')
    await h()['trademarks.save']({
      text: '昨日',
      regNo: '55554444',
      class: 9,
      registrant: { kind: 'person', id: zhang.id },
      status: 'registered',
      validUntil: addDays(today, -1),
    })
    const overview = await h()['overview.today']({})
    const expired = overview.changes.filter((c) => c.kind === 'expired_today')
    expect(
      expired.map((c) => c.kind === 'expired_today' && `${c.item.name} ${c.item.regNo}`),
    ).toEqual(['昨日 55554444'])
  })

  it('rejected packets (latest submission rejected) with their reasons', async () => {
    const maple = await packetNamed('Maple枫叶')
    await h()['packets.recordSubmission']({
      packetId: maple.id,
      submittedOn: addDays(today, -3),
      result: 'rejected',
      reasons: '总代授权书已过期',
      tags: ['授权'],
    })
    let overview = await h()['overview.today']({})
    expect(overview.rejected).toEqual([
      {
        packet: { id: maple.id, accountName: 'Maple枫叶' },
        submittedOn: addDays(today, -3),
        reasons: '总代授权书已过期',
        tags: ['授权'],
        open: { kind: 'packet', packetId: maple.id },
      },
    ])
    // Submitted again and approved: no longer a rejected packet.
    await h()['packets.recordSubmission']({
      packetId: maple.id,
      submittedOn: today,
      result: 'approved',
    })
    overview = await h()['overview.today']({})
    expect(overview.rejected).toEqual([])
  })

  it("the plans leave the process's other work its turns (issue 14: the page's files while the head is computed at open)", async () => {
    let done = false
    const head = h()
      ['overview.todayHead']({})
      .then(() => {
        done = true
      })
    // Work queued after the call began (an HTTP request, a file read) runs before it ends.
    await new Promise(setImmediate)
    expect(done).toBe(false)
    await head
  })

  it('the page asks for its parts apart (issue 14): the head and the dated items make the whole', async () => {
    // A document of a record that expired today too: its owner is named, its packets found.
    const qinghe = (await h()['companies.list']({})).find((c) => c.name.includes('青禾'))
    if (!qinghe) throw new Error('demo changed')
    await h()['documents.import']({
      ownerKind: 'company',
      ownerId: qinghe.id,
      requirement: 'business_licence',
      fileName: '执照.jpg',
      validUntil: addDays(today, -1),
      dataBase64: (await fakeScan('营业执照', ['上海青禾'])).toString('base64'),
    })
    const whole = await h()['overview.today']({})
    const head = await h()['overview.todayHead']({})
    const expiries = await h()['overview.todayExpiries']({})
    expect({ ...head, ...expiries }).toEqual(whole)
    const expired = head.changes.flatMap((c) => (c.kind === 'expired_today' ? [c.item] : []))
    expect(expired.map((i) => i.name).sort()).toEqual(['上海青禾文化传媒有限公司', '昨日'].sort())
    const licence = expired.find((i) => i.kind === 'document')
    expect(licence?.packets.map((p) => p.accountName)).toContain('青禾严选店')
    // The head's items are the timeline's own.
    for (const item of expired) expect(expiries.timeline).toContainEqual(item)
  })
})
