import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Backend } from '../../../electron/services/backend'
import { suiteDemoBackend } from '../../helpers/backend'

/**
 * Search (issue 13 item 14) on the demo library, on both engines (backend suite): any part of
 * a number, ID numbers by part with the hit masked, packets, relations, document types.
 */
let backend: Backend
let cleanup: () => Promise<void>

beforeAll(async () => {
  ;({ backend, cleanup } = await suiteDemoBackend())
}, 60_000)
afterAll(() => cleanup())

const h = () => backend.handlers
const search = (query: string) => h()['library.search']({ query })
const titles = async (query: string, kind?: string) =>
  (await search(query)).filter((hit) => !kind || hit.kind === kind).map((hit) => hit.title)

describe('search', () => {
  it('finds a company by six characters from the middle of its USCC', async () => {
    const shanlan = (await h()['companies.list']({})).find((c) => c.name.includes('山岚'))
    const uscc = shanlan?.uscc ?? ''
    expect(uscc).toHaveLength(18)
    const middle = uscc.slice(6, 12)
    const hits = await search(middle)
    expect(hits.map((hit) => hit.id)).toContain(shanlan?.id)
    // Lower-case and with spaces around it, the same.
    expect((await search(` ${middle.toLowerCase()} `)).map((hit) => hit.id)).toContain(shanlan?.id)
    // A trademark's registration number by its middle too.
    expect(await titles('6789012', 'trademark')).toEqual(['山岚（56789012）'])
  })

  it('finds a person by part of an ID number and shows the number masked, never in full', async () => {
    const hits = await search('19491231')
    const zhang = hits.find((hit) => hit.kind === 'person')
    expect(zhang).toMatchObject({ title: '张伟', detail: '1101**********002X' })
    expect(JSON.stringify(hits)).not.toContain('11010519491231002X')
    // A passport number's part (lower-case typed), as well.
    expect((await search('k12345')).find((hit) => hit.kind === 'person')).toMatchObject({
      title: 'John Smith',
      detail: 'K*****67',
    })
    // Too short a part lists nobody by number; numbers are still not in the index.
    expect((await search('110')).filter((hit) => hit.kind === 'person')).toEqual([])
  })

  it('finds packets by account name and by applicant, and opens them by id', async () => {
    const packets = await h()['packets.list']({})
    const flagship = packets.find((p) => p.accountName === '山岚旗舰店')
    const hits = (await search('旗舰')).filter((hit) => hit.kind === 'packet')
    expect(hits.map((hit) => hit.id)).toEqual([flagship?.id])
    expect(hits[0]?.title).toBe('山岚旗舰店（上海青禾文化传媒有限公司）')
    const byApplicant = (await search('青禾文化传媒')).filter((hit) => hit.kind === 'packet')
    expect(byApplicant.map((hit) => hit.title).sort()).toEqual(
      [
        '山岚旗舰店（上海青禾文化传媒有限公司）',
        '禾木生活（上海青禾文化传媒有限公司）',
        '青禾文化（上海青禾文化传媒有限公司）',
      ].sort(),
    )
  })

  it('finds relations by type and by either side; a renamed side is found by its new name', async () => {
    expect(await titles('总代', 'relation')).toEqual([
      '总代授权：Maple Leaf Goods Ltd. → 枫叶（香港）贸易有限公司',
    ])
    expect(await titles('远帆', 'relation')).toEqual([
      '授权：苏州远帆贸易有限公司 → 上海青禾文化传媒有限公司',
    ])
    const yuanfan = (await h()['companies.list']({})).find((c) => c.name.includes('远帆'))
    if (!yuanfan) throw new Error('demo company missing')
    await h()['companies.save']({
      id: yuanfan.id,
      version: yuanfan.version,
      name: '苏州远航贸易有限公司',
      region: yuanfan.region,
      uscc: yuanfan.uscc,
      businessScope: yuanfan.businessScope,
      notes: yuanfan.notes,
    })
    expect(await titles('远航', 'relation')).toEqual([
      '授权：苏州远航贸易有限公司 → 上海青禾文化传媒有限公司',
    ])
    expect(await titles('远帆', 'relation')).toEqual([])
    // A relation in the recycle bin is not found.
    const relation = (await search('远航')).find((hit) => hit.kind === 'relation')
    await h()['library.delete']({ kind: 'relation', id: relation?.id ?? '' })
    expect(await titles('远航', 'relation')).toEqual([])
    await h()['recycle.restore']({ kind: 'relation', id: relation?.id ?? '' })
    expect(await titles('远航', 'relation')).toHaveLength(1)
  })

  it('finds documents and letters by their type, each opening the record it is on', async () => {
    const relations = await h()['relations.list']({})
    const zhang = relations.find((r) => r.from.name === '张伟')
    if (!zhang) throw new Error('demo relation missing')
    const letter = await h()['letters.generate']({ relationId: zhang.id })
    const hits = await search('授权书')
    const general = relations.find((r) => r.type === 'general_agency')
    expect(hits).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'document',
          title: '总代授权书',
          owner: { kind: 'relation', id: general?.id },
        }),
        expect.objectContaining({
          kind: 'letter',
          id: letter.id,
          owner: { kind: 'relation', id: zhang.id },
        }),
      ]),
    )
    expect(hits.find((hit) => hit.id === letter.id)?.title).toMatch(
      /^授权书：张伟 → 上海青禾文化传媒有限公司/,
    )
    // 商标注册证: the four demo certificates, each on its trademark.
    const certificates = (await search('商标注册证')).filter(
      (hit) => hit.kind === 'document' && hit.owner?.kind === 'trademark',
    )
    expect(new Set(certificates.map((hit) => hit.id)).size).toBe(4)
    // English labels too.
    expect((await search('general agency')).some((hit) => hit.kind === 'document')).toBe(true)
  })
})
