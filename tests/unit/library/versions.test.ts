import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Handlers } from '../../../shared/contract'
import type { Backend } from '../../../electron/services/backend'
import { suiteBackend } from '../../helpers/backend'
import { refusalOf } from '../../helpers/app-error'

/**
 * Two clerks (or two windows) editing the same row (issue 11 item 4): every save names the
 * version its form was loaded from; a save from a stale version is refused naming who changed
 * the row and when, and nothing is overwritten. Runs on both engines (backend suite).
 */
let backend: Backend
let h: Handlers
let cleanup: () => Promise<void>

beforeEach(async () => {
  const t = await suiteBackend()
  backend = t.backend
  h = backend.handlers
  cleanup = t.cleanup
})
afterEach(() => cleanup())

describe('row versions', () => {
  it('a save from a stale version is refused naming who and when; the first save stays', async () => {
    const company = await h['companies.save']({ name: '青禾文化', region: 'domestic' })
    expect(company.version).toBe(1)
    const first = await h['companies.save']({
      id: company.id,
      version: 1,
      name: '青禾文化传媒',
      region: 'domestic',
    })
    expect(first.version).toBe(2)
    const error = await refusalOf(
      h['companies.save']({
        id: company.id,
        version: 1,
        name: '青禾（旧表单）',
        region: 'domestic',
      }),
    )
    expect(error.code).toBe('STALE')
    expect(error.message).toContain(`“${backend.context.library.actor}”`)
    // When, on China's clock, to the minute.
    expect(error.message).toMatch(/于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 修改过/)
    expect(error.message).toContain('重新加载')
    const [stored] = await h['companies.list']({})
    expect(stored).toMatchObject({ name: '青禾文化传媒', version: 2 })
    // Reloaded, the clerk saves from the current version.
    const again = await h['companies.save']({
      id: company.id,
      version: 2,
      name: '青禾（重新加载后）',
      region: 'domestic',
    })
    expect(again.version).toBe(3)
  })

  it('two saves from the same version at once: exactly one wins, the other is refused', async () => {
    const person = await h['persons.save']({ name: '张伟' })
    const results = await Promise.allSettled(
      ['张伟（甲）', '张伟（乙）'].map((name) =>
        h['persons.save']({ id: person.id, version: person.version, name }),
      ),
    )
    const won = results.filter((r) => r.status === 'fulfilled')
    const lost = results.filter((r) => r.status === 'rejected')
    expect(won).toHaveLength(1)
    expect(lost).toHaveLength(1)
    expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'STALE' })
    const winner = (won[0] as PromiseFulfilledResult<{ name: string }>).value.name
    expect((await h['persons.list']({}))[0]).toMatchObject({ name: winner, version: 2 })
  })

  it('every editable kind carries its version and refuses a stale save', async () => {
    const company = await h['companies.save']({ name: '甲公司', region: 'domestic' })
    const mark = await h['trademarks.save']({
      regNo: '12345678',
      text: '青禾',
      class: 35,
      registrant: { kind: 'company', id: company.id },
      status: 'registered',
    })
    await h['trademarks.save']({
      id: mark.id,
      version: mark.version,
      regNo: '12345678',
      text: '青禾优选',
      class: 35,
      registrant: { kind: 'company', id: company.id },
      status: 'registered',
    })
    const staleMark = await refusalOf(
      h['trademarks.save']({
        id: mark.id,
        version: mark.version,
        regNo: '12345678',
        text: '旧',
        registrant: { kind: 'company', id: company.id },
        status: 'registered',
      }),
    )
    expect(staleMark.message).toContain('该商标')
    const packet = await h['packets.save']({
      applicantCompanyId: company.id,
      accountType: 'enterprise',
      accountName: '甲公司',
      promotedSubject: 'none',
      industries: [],
      trademarkIds: [mark.id],
      notes: '客户要求周五前提交',
    })
    await h['packets.save']({
      id: packet.id,
      version: packet.version,
      applicantCompanyId: company.id,
      accountType: 'enterprise',
      accountName: '甲公司官方',
      promotedSubject: 'none',
      industries: [],
      trademarkIds: [mark.id],
    })
    const stalePacket = await refusalOf(
      h['packets.save']({
        id: packet.id,
        version: packet.version,
        applicantCompanyId: company.id,
        accountType: 'enterprise',
        accountName: '旧名',
        promotedSubject: 'none',
        industries: [],
        trademarkIds: [],
      }),
    )
    expect(stalePacket).toMatchObject({ code: 'STALE' })
    // The refused save changed nothing: not the name, not the trademark list.
    const [stored] = await h['packets.list']({})
    expect(stored).toMatchObject({ accountName: '甲公司官方', trademarkIds: [mark.id] })
    // The wizard sends no notes: a save without them keeps the stored ones.
    expect(stored?.notes).toBe('客户要求周五前提交')
  })
})
