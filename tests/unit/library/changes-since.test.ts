import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Backend } from '../../../electron/services/backend'
import { suiteDemoBackend } from '../../helpers/backend'

/**
 * "此后的改动" since a rejection (issue 13 item 13), on both engines: edits to the records'
 * fields — a trademark's registrant, a company's scope, a person's ID number (masked) — are
 * listed by record and field, in both languages, not only files.
 */
let backend: Backend
let cleanup: () => Promise<void>

beforeAll(async () => {
  ;({ backend, cleanup } = await suiteDemoBackend())
}, 60_000)
afterAll(() => cleanup())

const h = () => backend.handlers

describe('changes since a rejection', () => {
  it('lists field edits of the packet’s records by record and field, ID numbers masked', async () => {
    const packet = (await h()['packets.list']({})).find((p) => p.accountName === '禾木生活')
    if (!packet) throw new Error('demo packet missing')
    const [rejected] = await h()['packets.recordSubmission']({
      packetId: packet.id,
      submittedOn: '2026-11-20',
      result: 'rejected',
      reasons: '注册人信息不一致',
    })
    expect(rejected?.changesSince).toEqual([])

    const companies = await h()['companies.list']({})
    const qinghe = companies.find((c) => c.name === '上海青禾文化传媒有限公司')
    const persons = await h()['persons.list']({})
    const zhang = persons.find((p) => p.name === '张伟')
    const hemu = (await h()['trademarks.list']({})).find((t) => t.text === '禾木')
    if (!qinghe || !zhang || !hemu) throw new Error('demo records missing')
    // The trademark's registrant: from the person 张伟 to the company 青禾.
    await h()['trademarks.save']({
      id: hemu.id,
      version: hemu.version,
      text: hemu.text,
      regNo: hemu.regNo,
      class: hemu.class,
      registrant: { kind: 'company', id: qinghe.id },
      status: hemu.status,
      validUntil: hemu.validUntil,
    })
    await h()['companies.save']({
      id: qinghe.id,
      version: qinghe.version,
      name: qinghe.name,
      region: qinghe.region,
      uscc: qinghe.uscc,
      businessScope: '品牌策划；日用品销售',
      notes: qinghe.notes,
    })
    await h()['persons.save']({
      id: zhang.id,
      version: zhang.version,
      name: zhang.name,
      idType: 'resident_id',
      idNumber: '110101199003074477',
      nationality: zhang.nationality,
      notes: zhang.notes,
    })

    const [after] = await h()['packets.submissions']({ id: packet.id })
    const zh = after?.changesSince.map((c) => c.zh) ?? []
    const en = after?.changesSince.map((c) => c.en) ?? []
    expect(zh).toEqual(
      expect.arrayContaining([
        '商标“禾木”：注册人 “张伟” → “上海青禾文化传媒有限公司”',
        expect.stringMatching(
          /^公司“上海青禾文化传媒有限公司”：经营范围 “.*” → “品牌策划；日用品销售”$/,
        ),
        '自然人“张伟”：证件号码已修改（现为 1101**********4477）',
      ]),
    )
    expect(en).toEqual(
      expect.arrayContaining([
        'Trademark "禾木": registrant "张伟" → "上海青禾文化传媒有限公司"',
        'Person "张伟": ID number changed (now 1101**********4477)',
      ]),
    )
    const text = JSON.stringify(after)
    expect(text).not.toContain('110101199003074477')
    expect(text).not.toContain('11010519491231002X')
    // A save that changes nothing (a party of the packet: 山岚 authorizes 青禾) adds no line.
    const shanlan = (await h()['companies.list']({})).find((c) => c.name.includes('山岚'))
    if (!shanlan) throw new Error('demo company missing')
    await h()['companies.save']({
      id: shanlan.id,
      version: shanlan.version,
      name: shanlan.name,
      region: shanlan.region,
      uscc: shanlan.uscc,
      businessScope: shanlan.businessScope,
      notes: shanlan.notes,
    })
    const [again] = await h()['packets.submissions']({ id: packet.id })
    expect(again?.changesSince).toEqual(after?.changesSince)
    // English lines carry no Chinese labels (the names are the records' own).
    for (const line of en)
      expect(line.replace(/“[^”]*”|"[^"]*"/g, '')).not.toMatch(/[\u4e00-\u9fff]/)
  })
})
