import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Backend } from '../../../electron/services/backend'
import { demoBackend } from '../../helpers/backend'

/**
 * Asked before a document goes to the recycle bin (issue 13 item 2): which ready packets would
 * stop being ready — by the one definition of ready, on the demo library.
 */
describe('library.deleteImpact', () => {
  let backend: Backend
  let cleanup: () => void
  beforeAll(async () => {
    ;({ backend, cleanup } = await demoBackend())
  })
  afterAll(() => cleanup())

  it('names the ready packets a document serves, and nothing for a document no packet needs', async () => {
    const h = backend.handlers
    const ready = (await h['packets.list']({})).filter((p) => p.ready)
    expect(ready.length).toBeGreaterThan(0)
    const packet = ready[0]
    if (!packet?.applicantCompanyId) throw new Error('demo packet without applicant')
    const documents = await h['documents.list']({
      ownerKind: 'company',
      ownerId: packet.applicantCompanyId,
    })
    const impacts = await Promise.all(
      documents.map(async (d) => ({
        d,
        impact: await h['library.deleteImpact']({ kind: 'document', id: d.id }),
      })),
    )
    const needed = impacts.find((i) => i.impact.stopsReady.some((p) => p.id === packet.id))
    expect(needed, 'one of the applicant’s documents is needed by its ready packet').toBeDefined()
    // And it is true: without it the packet is not ready.
    await h['library.delete']({ kind: 'document', id: needed?.d.id ?? '' })
    const after = (await h['packets.list']({})).find((p) => p.id === packet.id)
    expect(after?.ready).toBe(false)
    await h['recycle.restore']({ kind: 'document', id: needed?.d.id ?? '' })
    expect((await h['packets.list']({})).find((p) => p.id === packet.id)?.ready).toBe(true)

    const company = await h['companies.save']({ name: '无关公司', region: 'domestic' })
    const bytes = await sharp({
      create: { width: 64, height: 64, channels: 3, background: '#cfc' },
    })
      .png()
      .toBuffer()
    const unused = await h['documents.import']({
      ownerKind: 'company',
      ownerId: company.id,
      requirement: 'business_licence',
      fileName: 'x.png',
      dataBase64: bytes.toString('base64'),
    })
    expect(await h['library.deleteImpact']({ kind: 'document', id: unused.id })).toEqual({
      stopsReady: [],
    })
  }, 120_000)
})
