import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBackend, type Backend } from '../../../electron/services/backend'
import { dispatch } from '../../../electron/services/dispatch'
import { TRADEMARK_OFFICE_SEARCH_URL } from '../../../shared/platform/links'
import { AppError } from '../../../shared/errors'
import { suiteDemoBackend } from '../../helpers/backend'
import { DEMO, parseEml } from '../../helpers/export-fixtures'
import { pngBytes } from '../../helpers/fixtures-files'
import { compactText } from '../../helpers/pdf-tools'
import { tempDir } from '../../helpers/temp'

/**
 * Issue 13 items 15–17 on a real backend (both engines: BACKEND_SUITE): the packet's account-level
 * 行业类别, the trademark's 查询日期, the 商标查询截图 paper, the CTMO look-up, and the email
 * route's recipient in 设置.
 */
let backend: Backend
let cleanup: () => Promise<void>
let dir: string
beforeAll(async () => {
  ;({ backend, cleanup, dir } = await suiteDemoBackend())
}, 120_000)
afterAll(() => cleanup())

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e as AppError,
  )

/** Through the doors' dispatch (the contract's schema first), as the app calls it. */
async function refused(method: string, input: unknown): Promise<{ code: string; message: string }> {
  const envelope = await dispatch(backend.handlers, method, input)
  if (envelope.ok) throw new Error(`${method} was not refused`)
  return envelope.error
}

async function packetNamed(name: string) {
  const packet = (await backend.handlers['packets.list']({})).find((p) => p.accountName === name)
  if (!packet) throw new Error(`demo packet ${name} missing`)
  return packet
}

const inputOf = (p: Awaited<ReturnType<typeof packetNamed>>) => ({
  id: p.id,
  version: p.version,
  applicantCompanyId: p.applicantCompanyId,
  accountType: p.accountType,
  accountName: p.accountName,
  promotedSubject: p.promotedSubject,
  industries: p.industries,
  trademarkIds: p.trademarkIds,
  avatarFit: p.avatarFit,
  prerequisites: p.prerequisites,
})

describe('a packet’s account-level 行业类别 (item 15)', () => {
  it('is part of ready: the ready demo packet stops being ready without it, and says why', async () => {
    const h = backend.handlers
    const ready = await packetNamed(DEMO.ready)
    expect(ready.ready).toBe(true)
    expect(ready.accountIndustry).toEqual({
      primary: '美妆个护',
      secondary: '护肤/彩妆/香水（普通化妆品）',
    })
    // A save without the field keeps it (the wizard's other steps, a scan's reading …).
    const kept = await h['packets.save'](inputOf(ready))
    expect(kept.accountIndustry).toEqual(ready.accountIndustry)
    await h['packets.save']({ ...inputOf(ready), version: kept.version, accountIndustry: null })
    const after = await packetNamed(DEMO.ready)
    expect(after.accountIndustry).toBeNull()
    expect(after.ready).toBe(false)
    expect(after.formProblems).toEqual([expect.stringContaining('尚未选择账号行业类别')])
    const { plan, formProblems } = await h['packets.plan']({ id: ready.id })
    expect(plan.ready).toBe(false)
    expect(formProblems).toEqual(after.formProblems)
    // Back as it was, for the tests below.
    await h['packets.save']({
      ...inputOf(after),
      accountIndustry: { primary: '美妆个护', secondary: '护肤/彩妆/香水（普通化妆品）' },
    })
    expect((await packetNamed(DEMO.ready)).ready).toBe(true)
  })

  it('商务服务 | 设计 on a company whose scope has no 设计: the plan warns, citing R3', async () => {
    const h = backend.handlers
    const shanlan = (await h['companies.list']({})).find((c) => c.name.includes('山岚'))
    if (!shanlan) throw new Error('demo company missing')
    expect(shanlan.businessScope).not.toContain('设计')
    const packet = await h['packets.save']({
      applicantCompanyId: shanlan.id,
      accountType: 'enterprise',
      accountName: '山岚设计',
      promotedSubject: 'none',
      industries: [],
      accountIndustry: { primary: '商务服务', secondary: '设计' },
      trademarkIds: [],
    })
    expect(packet.accountIndustry).toEqual({ primary: '商务服务', secondary: '设计' })
    const { plan } = await h['packets.plan']({ id: packet.id })
    const warning = plan.warnings.find((w) => w.subject === 'account')
    expect(warning?.rule).toBe('R3')
    expect(warning?.message).toContain('R3（账号行业类别）')
    expect(warning?.message).toContain('商务服务/设计')
  })

  it('refuses a malformed choice, changing nothing', async () => {
    const ready = await packetNamed(DEMO.ready)
    const error = await refused('packets.save', {
      ...inputOf(ready),
      accountIndustry: { primary: '', secondary: '设计' },
    })
    expect(error.code).toBe('INVALID_ARGUMENT')
    expect((await packetNamed(DEMO.ready)).version).toBe(ready.version)
  })
})

describe('a trademark’s 查询日期 and its 商标查询截图 (item 16)', () => {
  it('saves the date, keeps it when a save leaves it out, refuses a bad one', async () => {
    const h = backend.handlers
    const [mark] = await h['trademarks.list']({})
    if (!mark) throw new Error('no demo trademark')
    expect(mark.queryDate).toBeNull()
    const { id, version, regNo, text, registrant, status, validUntil, acceptanceDate } = mark
    const base = {
      id,
      regNo,
      text,
      registrant: { kind: registrant.kind, id: registrant.id },
      status,
      validUntil,
      acceptanceDate,
      transfereeCompanyId: mark.transfereeCompanyId,
      officialRegistrantDiffers: mark.officialRegistrantDiffers,
      notes: mark.notes,
    }
    const saved = await h['trademarks.save']({ ...base, version, queryDate: '2026-11-30' })
    expect(saved.queryDate).toBe('2026-11-30')
    const again = await h['trademarks.save']({ ...base, version: saved.version })
    expect(again.queryDate).toBe('2026-11-30')
    const error = await refused('trademarks.save', {
      ...base,
      version: again.version,
      queryDate: '2026-02-30',
    })
    expect(error.code).toBe('INVALID_ARGUMENT')
    expect(error.message).toContain('YYYY-MM-DD')
    const listed = (await h['trademarks.list']({})).find((t) => t.id === id)
    expect(listed?.queryDate).toBe('2026-11-30')
    expect(listed?.version).toBe(again.version)
  })

  it('imports a query screenshot onto the trademark', async () => {
    const h = backend.handlers
    const [mark] = await h['trademarks.list']({})
    if (!mark) throw new Error('no demo trademark')
    const doc = await h['documents.import']({
      ownerKind: 'trademark',
      ownerId: mark.id,
      requirement: 'trademark_query_screenshot',
      fileName: '商标查询截图.png',
      dataBase64: (await pngBytes(640, 400)).toString('base64'),
    })
    expect(doc.requirement).toBe('trademark_query_screenshot')
    const listed = await h['documents.list']({ ownerKind: 'trademark', ownerId: mark.id })
    expect(listed.map((d) => d.requirement)).toContain('trademark_query_screenshot')
  })
})

describe('设置 → 邮件提交收件地址 (item 17)', () => {
  it('is empty by default, saved when valid, refused when not, cleared when empty', async () => {
    const h = backend.handlers
    expect(await h['settings.emailRecipient']({})).toEqual({ address: null })
    expect(await h['settings.setEmailRecipient']({ address: ' qualify@example.com ' })).toEqual({
      address: 'qualify@example.com',
    })
    for (const bad of ['not-an-address', 'a@b', 'Name <a@example.com>', 'a@example.com, b@x.cn']) {
      const error = await refused('settings.setEmailRecipient', { address: bad })
      expect(error.code, bad).toBe('INVALID_ARGUMENT')
      expect(error.message, bad).toContain('不是有效的邮箱地址')
    }
    expect(await h['settings.emailRecipient']({})).toEqual({ address: 'qualify@example.com' })
  })

  it('addresses the email route’s mail draft and names the address in the checklist', async () => {
    const h = backend.handlers
    await h['settings.setEmailRecipient']({ address: 'qualify@example.com' })
    const email = await packetNamed(DEMO.email)
    const out = join(dir, 'exports-to')
    const { folder } = await h['exports.run']({ packetId: email.id, outDir: out })
    const eml = parseEml(readFileSync(join(folder, '3_邮件提交', `资质认证邮件_${DEMO.email}.eml`)))
    expect(eml.headers.get('to')).toBe('qualify@example.com')
    const checklist = compactText(join(folder, '清单.pdf'))
    expect(checklist).toContain('qualify@example.com')
    expect(checklist).toContain('行业类别（账号信息）')
    await h['settings.setEmailRecipient']({ address: '' })
    expect(await h['settings.emailRecipient']({})).toEqual({ address: null })
    const second = await h['exports.run']({ packetId: email.id, outDir: join(dir, 'exports-none') })
    const unaddressed = parseEml(
      readFileSync(join(second.folder, '3_邮件提交', `资质认证邮件_${DEMO.email}.eml`)),
    )
    expect(unaddressed.headers.get('to')).toBeUndefined()
    expect(compactText(join(second.folder, '清单.pdf'))).toContain(
      '可在PacketDesk设置中填写收件地址',
    )
  }, 120_000)
})

describe('在商标局网站查询 (item 16)', () => {
  it('without a desktop (host, CLI): says so and names only the fixed site', async () => {
    expect(await backend.handlers['trademarks.openOfficeSearch']({ regNo: ' 4567 8901 ' })).toEqual(
      { handled: false, regNo: '45678901', url: TRADEMARK_OFFICE_SEARCH_URL },
    )
    expect(TRADEMARK_OFFICE_SEARCH_URL).toBe('https://wcjs.sbj.cnipa.gov.cn/')
  })

  it('in the app: copies the number and opens the fixed site, nothing else', async () => {
    const temp = tempDir()
    const opened: string[] = []
    const copied: string[] = []
    const app = createBackend({
      dataDir: temp.dir,
      desktop: {
        openExternal: (url) => {
          opened.push(url)
          return Promise.resolve()
        },
        writeClipboard: (text) => copied.push(text),
      },
    })
    try {
      const result = await app.handlers['trademarks.openOfficeSearch']({ regNo: 'g1234567' })
      expect(result).toEqual({ handled: true, regNo: 'G1234567', url: TRADEMARK_OFFICE_SEARCH_URL })
      expect(opened).toEqual([TRADEMARK_OFFICE_SEARCH_URL])
      expect(copied).toEqual(['G1234567'])
      const error = await refusal(app.handlers['trademarks.openOfficeSearch']({ regNo: '   ' }))
      expect(error).toBeInstanceOf(AppError)
      expect(opened).toHaveLength(1)
    } finally {
      app.close()
      temp.cleanup()
    }
  })
})
