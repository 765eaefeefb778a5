import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Backend } from '../../../electron/services/backend'
import { AppError } from '../../../shared/errors'
import { isAnyOf } from '../../../shared/rules/types'
import { fakeScan } from '../../../electron/services/demo/scans'
import { suiteDemoBackend } from '../../helpers/backend'

let backend: Backend
let dir: string
let cleanup: () => Promise<void>

beforeAll(async () => {
  ;({ backend, dir, cleanup } = await suiteDemoBackend())
}, 60_000)
afterAll(() => cleanup())

const h = () => backend.handlers

async function personRelation() {
  const relations = await h()['relations.list']({})
  const found = relations.find((r) => r.from.name === '张伟')
  if (!found) throw new Error('demo relation missing')
  return found
}

describe('letters in the library', () => {
  it('generates the person’s letter with the stored number and the packet’s marks, and tracks it to the signed scan', async () => {
    const relation = await personRelation()
    const packet = (await h()['packets.list']({})).find((p) => p.accountName === '禾木生活')
    if (!packet) throw new Error('demo packet missing')
    const letter = await h()['letters.generate']({ relationId: relation.id, packetId: packet.id })
    expect(letter).toMatchObject({
      template: 'person-to-company',
      status: 'generated',
      requirement: 'authorization_letter',
    })

    const pdf = await h()['letters.pdf']({ id: letter.id })
    const file = join(dir, pdf.fileName)
    writeFileSync(file, Buffer.from(pdf.dataBase64, 'base64'))
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    expect(text).toContain('张伟')
    expect(text).toContain('11010519491231002X')
    expect(text).toContain('禾木')
    expect(text).toContain('34567890')
    expect(text).toContain('上海青禾文化传媒有限公司')

    // The plan sees the letter waiting for its signed scan.
    const waiting = (await h()['packets.plan']({ id: packet.id })).plan.requirements.find(
      (r) => !isAnyOf(r) && r.id === 'authorization_letter',
    )
    expect(waiting?.status).toBe('missing')
    expect(waiting?.reasons.join('')).toContain('等待签字盖章后的扫描件')

    expect((await h()['letters.markPrinted']({ id: letter.id })).status).toBe('printed')
    await h()['documents.import']({
      ownerKind: 'relation',
      ownerId: relation.id,
      requirement: 'authorization_letter',
      fileName: '授权书-签字.jpg',
      dataBase64: (await fakeScan('授权书', ['张伟 签字'])).toString('base64'),
    })
    const [tracked] = await h()['letters.list']({ relationId: relation.id })
    expect(tracked?.status).toBe('signed')
    const satisfied = (await h()['packets.plan']({ id: packet.id })).plan.requirements.find(
      (r) => !isAnyOf(r) && r.id === 'authorization_letter',
    )
    expect(satisfied?.status).toBe('satisfied')
  })

  it('refuses a letter for a person without a number, saying why (R11)', async () => {
    const c = await h()['companies.save']({ name: '某某公司', region: 'domestic' })
    const p = await h()['persons.save']({ name: '李四' })
    await h()['trademarks.save']({
      text: '李记',
      regNo: '11112222',
      class: 30,
      registrant: { kind: 'person', id: p.id },
      status: 'registered',
    })
    const r = await h()['relations.save']({
      type: 'authorization',
      from: { kind: 'person', id: p.id },
      toCompanyId: c.id,
    })
    const error = await h()
      ['letters.generate']({ relationId: r.id })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).message).toMatch(/R11.*证件号码/)
    expect(await h()['letters.list']({ relationId: r.id })).toEqual([])
  })
})
