import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Backend } from '../../../electron/services/backend'
import { dispatch } from '../../../electron/services/dispatch'
import { avatarInUse } from '../../../shared/library/avatar-choice'
import { demoBackend } from '../../helpers/backend'
import { tempDir } from '../../helpers/temp'

// Issue 13 item 6: with two avatars, the one the export uses is the one the plan judged and the
// clerk can choose it.
let backend: Backend
let cleanup: () => void
const temp = tempDir()
beforeAll(async () => {
  ;({ backend, cleanup } = await demoBackend())
}, 60_000)
afterAll(() => {
  cleanup()
  temp.cleanup()
})

const square = async (background: string) =>
  (
    await sharp({ create: { width: 800, height: 800, channels: 3, background } })
      .jpeg()
      .toBuffer()
  ).toString('base64')

/** The exported avatar's colour: 'red' or 'blue' by its dominant channel. */
async function exportedAvatarColour(packetId: string, n: number): Promise<string> {
  const outDir = join(temp.dir, `out-${n}`)
  const { folder } = await backend.handlers['exports.run']({ packetId, outDir })
  const avatarDir = readdirSync(folder).find((name) => name.startsWith('1_'))
  const file = readdirSync(join(folder, avatarDir ?? '')).find((n) => /\.jpe?g$/i.test(n))
  const { channels } = await sharp(readFileSync(join(folder, avatarDir ?? '', file ?? ''))).stats()
  return (channels[0]?.mean ?? 0) > (channels[2]?.mean ?? 0) ? 'red' : 'blue'
}

describe('avatar choice', () => {
  it('picks the latest choice, else the newest, among those with a file', () => {
    const a = { id: 'a', file: {}, preferredAt: null }
    const b = { id: 'b', file: {}, preferredAt: null }
    const c = { id: 'c', file: null, preferredAt: '2026-12-01T09:00:00Z' }
    expect(avatarInUse([a, b])?.id).toBe('b')
    expect(avatarInUse([{ ...a, preferredAt: '2026-12-01T08:00:00Z' }, b])?.id).toBe('a')
    expect(
      avatarInUse([
        { ...a, preferredAt: '2026-12-01T08:00:00Z' },
        { ...b, preferredAt: '2026-12-01T08:30:00Z' },
      ])?.id,
    ).toBe('b')
    // A chosen document without its file cannot serve.
    expect(avatarInUse([a, b, c])?.id).toBe('b')
    expect(avatarInUse([])).toBeNull()
  })

  it('the export uses the newest avatar, then the one the clerk chose; a chosen one in the bin stops counting', async () => {
    const h = backend.handlers
    const packet = (await h['packets.list']({})).find((p) => p.accountName === '青禾文化')
    const packetId = packet?.id ?? ''
    const add = async (colour: string, name: string) =>
      h['documents.import']({
        ownerKind: 'packet',
        ownerId: packetId,
        requirement: 'avatar',
        fileName: name,
        dataBase64: await square(colour),
      })
    const red = await add('#d01010', 'red.jpg')
    const blue = await add('#1010d0', 'blue.jpg')
    expect(await exportedAvatarColour(packetId, 1)).toBe('blue')

    const chosen = await h['documents.prefer']({ id: red.id })
    expect(chosen.preferredAt).not.toBeNull()
    expect(await exportedAvatarColour(packetId, 2)).toBe('red')
    // Choosing touches the document, not the packet: an open form of the packet stays current.
    expect((await h['packets.list']({})).find((p) => p.id === packetId)?.version).toBe(
      packet?.version,
    )

    await h['library.delete']({ kind: 'document', id: red.id })
    expect(await exportedAvatarColour(packetId, 3)).toBe('blue')
    expect(blue.preferredAt).toBeNull()

    // Only an avatar can be chosen this way; the refusal is Chinese and changes nothing.
    const docs = await h['documents.list']({
      ownerKind: 'trademark',
      ownerId: packet?.trademarkIds[0] ?? '',
    })
    const refused = await dispatch(h, 'documents.prefer', { id: docs[0]?.id ?? '' })
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
  })
})
