import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Backend } from '../../../electron/services/backend'
import { suiteDemoBackend } from '../../helpers/backend'

let backend: Backend
let dir: string
let cleanup: () => Promise<void>
let packetId = ''

beforeAll(async () => {
  ;({ backend, dir, cleanup } = await suiteDemoBackend())
  const h = backend.handlers
  // 山岚旗舰店 uses 山岚; add a second mark of the same registrant to the packet.
  const packet = (await h['packets.list']({})).find((p) => p.accountName === '山岚旗舰店')
  const shanlan = (await h['companies.list']({})).find((c) => c.name === '杭州山岚品牌管理有限公司')
  if (!packet || !shanlan) throw new Error('demo changed')
  const second = await h['trademarks.save']({
    text: '山岚小筑',
    regNo: '56789013',
    class: 3,
    registrant: { kind: 'company', id: shanlan.id },
    status: 'registered',
    validUntil: '2031-01-01',
  })
  await h['packets.save']({
    id: packet.id,
    applicantCompanyId: packet.applicantCompanyId,
    accountType: packet.accountType,
    accountName: packet.accountName,
    promotedSubject: packet.promotedSubject,
    industries: packet.industries,
    trademarkIds: [...packet.trademarkIds, second.id],
  })
  packetId = packet.id
}, 60_000)
afterAll(() => cleanup())

const text = async (sha: string) => {
  const file = join(dir, `${sha}.pdf`)
  writeFileSync(file, await backend.context.files.read(sha))
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })
}

describe('batch letters for a packet', () => {
  it('one letter listing every mark, or one letter per mark', async () => {
    const h = backend.handlers
    const together = await h['letters.generateForPacket']({ packetId })
    expect(together.failures).toEqual([])
    expect(together.letters).toHaveLength(1)
    const both = await text(together.letters[0]?.pdfSha256 ?? '')
    expect(both).toContain('56789012')
    expect(both).toContain('56789013')

    const apart = await h['letters.generateForPacket']({ packetId, perTrademark: true })
    expect(apart.letters).toHaveLength(2)
    const texts = await Promise.all(apart.letters.map((l) => text(l.pdfSha256)))
    expect(texts.filter((t) => t.includes('56789012') && !t.includes('56789013'))).toHaveLength(1)
    expect(texts.filter((t) => t.includes('56789013') && !t.includes('56789012'))).toHaveLength(1)
  })
})
