import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoBackend } from '../../helpers/backend'

/** packets.avatarPreview (issue 13 item 11): the avatar the export writes, before exporting. */

let t: Awaited<ReturnType<typeof demoBackend>>
beforeAll(async () => {
  t = await demoBackend()
})
afterAll(() => t?.cleanup())

const bytesOf = (dataUrl: string) =>
  Buffer.from(dataUrl.replace(/^data:image\/jpeg;base64,/, ''), 'base64')

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

describe('packets.avatarPreview', () => {
  it('is null for a packet without an avatar, and the exported bytes for one with it', async () => {
    const h = t.backend.handlers
    const packets = await h['packets.list']({})
    const without = packets.find((p) => p.accountName === '禾木生活')
    const ready = packets.find((p) => p.accountName === '青禾文化')
    if (!without || !ready) throw new Error('demo packets missing')
    expect(await h['packets.avatarPreview']({ packetId: without.id, avatarFit: 'pad' })).toBeNull()

    // A wide logo, fitted both ways: 800×800 each, white bands only when padded.
    const wide = await sharp({
      create: { width: 1200, height: 400, channels: 3, background: '#1f6f5c' },
    })
      .jpeg()
      .toBuffer()
    await h['documents.import']({
      ownerKind: 'packet',
      ownerId: without.id,
      requirement: 'avatar',
      fileName: 'wide.jpg',
      dataBase64: wide.toString('base64'),
    })
    const pad = await h['packets.avatarPreview']({ packetId: without.id, avatarFit: 'pad' })
    const crop = await h['packets.avatarPreview']({ packetId: without.id, avatarFit: 'crop' })
    expect(pad).toMatchObject({ width: 800, height: 800, fileName: 'wide.jpg' })
    const top = async (dataUrl: string) =>
      (
        await sharp(bytesOf(dataUrl))
          .extract({ left: 400, top: 5, width: 1, height: 1 })
          .raw()
          .toBuffer()
      )[0]
    expect(await top(pad?.dataUrl ?? '')).toBeGreaterThan(240)
    expect(await top(crop?.dataUrl ?? '')).toBeLessThan(120)

    // The ready packet's preview is byte for byte its exported avatar.
    const preview = await h['packets.avatarPreview']({
      packetId: ready.id,
      avatarFit: ready.avatarFit,
    })
    const out = mkdtempSync(join(tmpdir(), 'avatar-preview-'))
    try {
      const { folder } = await h['exports.run']({ packetId: ready.id, outDir: out })
      const avatar = filesUnder(folder).find((f) => /头像/.test(f) && f.endsWith('.jpg'))
      expect(avatar).toBeDefined()
      expect(bytesOf(preview?.dataUrl ?? '').equals(readFileSync(avatar ?? ''))).toBe(true)
    } finally {
      rmSync(out, { recursive: true, force: true })
    }
  })
})
