import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Handlers } from '../../../shared/contract'
import { dispatch } from '../../../electron/services/dispatch'
import type { Backend } from '../../../electron/services/backend'
import { auditRows, SUITE_ENGINE, suiteBackend } from '../../helpers/backend'
import { refusalOf } from '../../helpers/app-error'

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

const auditCount = async (action: string) =>
  (await auditRows(backend)).filter((r) => r.action === action).length

describe('the backend suite', () => {
  it('runs on the engine its vitest project names (unit: SQLite, backend-pg: PostgreSQL)', () => {
    expect(backend.context.library.engine).toBe(SUITE_ENGINE)
  })
})

describe('companies', () => {
  it('normalises the USCC and refuses a bad check character unless a reason is given', async () => {
    const ok = await h['companies.save']({
      name: '上海青禾文化传媒有限公司',
      region: 'domestic',
      uscc: ' 91310000ma1fl0000n ',
    })
    expect(ok.uscc).toBe('91310000MA1FL0000N')
    const bad = await refusalOf(
      h['companies.save']({ name: '某公司', region: 'domestic', uscc: '91310000MA1FL0000A' }),
    )
    expect(bad.code).toBe('INVALID_ARGUMENT')
    expect(bad.field).toBe('uscc')
    expect(await h['companies.list']({})).toHaveLength(1)
    const kept = await h['companies.save']({
      name: '某公司',
      region: 'domestic',
      uscc: '91310000MA1FL0000A',
      usccOverrideReason: '营业执照原件即为此号码',
    })
    expect(kept.usccOverrideReason).toBe('营业执照原件即为此号码')
    expect(await auditCount('uscc_override')).toBe(1)
  })
})

describe('persons', () => {
  it('stores a validated, normalised number, masks it in lists, and audits reveals', async () => {
    const p = await h['persons.save']({
      name: '张伟',
      idType: 'resident_id',
      idNumber: '11010519491231002x',
    })
    expect(p.idNumberMasked).toBe('1101**********002X')
    const list = await h['persons.list']({})
    expect(JSON.stringify(list)).not.toContain('11010519491231002X')
    expect(await auditCount('reveal_id_number')).toBe(0)
    expect(await h['persons.revealIdNumber']({ id: p.id })).toEqual({
      idNumber: '11010519491231002X',
    })
    expect(await auditCount('reveal_id_number')).toBe(1)
    const detail = (await auditRows(backend)).map((r) => r.detail)
    expect(JSON.stringify(detail)).not.toContain('11010519491231002X')
  })

  it('refuses an invalid number with the field named and stores nothing', async () => {
    const error = await refusalOf(
      h['persons.save']({ name: '李四', idType: 'resident_id', idNumber: '110105194912310021' }),
    )
    expect(error.field).toBe('idNumber')
    expect(error.message).toContain('校验位')
    expect(await h['persons.list']({})).toEqual([])
  })

  it('an edit without a number keeps the stored one', async () => {
    const p = await h['persons.save']({ name: '张伟', idType: 'passport', idNumber: 'E12345678' })
    await h['persons.save']({ id: p.id, name: '张伟（改）' })
    expect(await h['persons.revealIdNumber']({ id: p.id })).toEqual({ idNumber: 'E12345678' })
  })
})

describe('trademarks, relations, deletes and the recycle bin', () => {
  it('refuses deleting what others depend on, naming them; deletes go to the bin and restore', async () => {
    const c = await h['companies.save']({ name: '杭州山岚品牌管理有限公司', region: 'domestic' })
    const tm = await h['trademarks.save']({
      text: '青禾',
      regNo: '45678901',
      class: 35,
      registrant: { kind: 'company', id: c.id },
      status: 'registered',
      validUntil: '2031-03-13',
    })
    const error = await refusalOf(h['library.delete']({ kind: 'company', id: c.id }))
    expect(error.code).toBe('CONFLICT')
    expect(error.message).toContain('青禾')
    await h['library.delete']({ kind: 'trademark', id: tm.id })
    expect(await h['trademarks.list']({})).toEqual([])
    expect((await h['recycle.list']({})).map((d) => d.kind)).toEqual(['trademark'])
    expect(await h['library.search']({ query: '青禾' })).toEqual([])
    await h['recycle.restore']({ kind: 'trademark', id: tm.id })
    expect((await h['trademarks.list']({})).map((x) => x.id)).toEqual([tm.id])
    expect((await h['library.search']({ query: '青禾' })).map((x) => x.id)).toEqual([tm.id])
  })

  it('an application-accepted mark needs its stamp date; a person grants only authorizations', async () => {
    const c = await h['companies.save']({ name: '青禾', region: 'domestic' })
    const p = await h['persons.save']({
      name: '张伟',
      idType: 'resident_id',
      idNumber: '11010519491231002X',
    })
    const noDate = await refusalOf(
      h['trademarks.save']({
        text: 'x',
        regNo: '1',
        registrant: { kind: 'company', id: c.id },
        status: 'application_accepted',
      }),
    )
    expect(noDate.field).toBe('acceptanceDate')
    const c2 = await h['companies.save']({ name: '另一家', region: 'domestic' })
    const wrong = await refusalOf(
      h['relations.save']({
        type: 'general_agency',
        from: { kind: 'person', id: p.id },
        toCompanyId: c2.id,
      }),
    )
    expect(wrong.field).toBe('from')
    const ok = await h['relations.save']({
      type: 'authorization',
      from: { kind: 'person', id: p.id },
      toCompanyId: c.id,
    })
    expect(ok.from.name).toBe('张伟')
  })

  it('a bad date in a payload is refused at the door with the field named', async () => {
    const result = await dispatch(h, 'trademarks.save', {
      text: 'x',
      regNo: '1',
      registrant: { kind: 'company', id: 'c' },
      status: 'registered',
      validUntil: '2026-02-30',
    })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', field: 'validUntil' },
    })
  })
})

describe('search', () => {
  it('finds Chinese two-character terms, numbers and notes', async () => {
    const c = await h['companies.save']({
      name: '上海青禾文化传媒有限公司',
      region: 'domestic',
      uscc: '91310000MA1FL0000N',
      notes: '重要客户',
    })
    const tm = await h['trademarks.save']({
      text: '山岚',
      regNo: '45678901',
      registrant: { kind: 'company', id: c.id },
      status: 'registered',
    })
    const ids = async (q: string) => (await h['library.search']({ query: q })).map((x) => x.id)
    expect(await ids('青禾')).toEqual([c.id])
    expect(await ids('文化')).toEqual([c.id])
    expect(await ids('传媒')).toEqual([c.id])
    expect(await ids('山岚')).toEqual([tm.id])
    expect(await ids('岚')).toEqual([tm.id])
    expect(await ids('4567')).toEqual([tm.id])
    expect(await ids('客户')).toEqual([c.id])
    expect(await ids('青岚')).toEqual([])
    expect(await ids('"; DROP TABLE companies; --')).toEqual([])
  })
})

describe('expiry dashboard', () => {
  it('sorts by urgency and labels the renewal window and grace period', async () => {
    const c = await h['companies.save']({ name: '青禾', region: 'domestic' })
    const mark = (text: string, validUntil: string) =>
      h['trademarks.save']({
        text,
        regNo: '1',
        registrant: { kind: 'company', id: c.id },
        status: 'registered',
        validUntil,
      })
    await mark('宽展', '2026-08-01') // expired 4 months ago: grace
    await mark('过期', '2025-01-01') // beyond the 6-month grace
    await mark('将到期', '2027-01-15') // within 90 days
    await mark('续展期', '2027-06-01') // within the last 12 months
    await mark('远期', '2030-01-01')
    const items = await h['library.expiries']({})
    expect(items.map((i) => [/“(.*)”/.exec(i.title)?.[1], i.state])).toEqual([
      ['过期', 'expired'],
      ['宽展', 'grace'],
      ['将到期', 'soon'],
      ['续展期', 'renewal_window'],
    ])
  })
})
