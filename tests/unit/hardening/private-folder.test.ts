import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import { createBackend } from '../../../electron/services/backend'
import { tempDir } from '../../helpers/temp'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))
const mode = (path: string) => statSync(path).mode & 0o777

describe('the data folder is private on every open', () => {
  it.skipIf(process.platform === 'win32')(
    'an existing 0755 folder, 0644 database files and 0755/0644 thumbnails become 0700/0600',
    async () => {
      const t = tempDir('packetdesk-private-')
      cleanups.push(t.cleanup)
      const dir = join(t.dir, 'data')
      mkdirSync(dir, { mode: 0o755 })
      chmodSync(dir, 0o755)
      const first = createBackend({ dataDir: dir })
      const company = await first.handlers['companies.save']({ name: '张伟', region: 'domestic' })
      const jpeg = await sharp({
        create: { width: 40, height: 40, channels: 3, background: '#c33' },
      })
        .jpeg()
        .toBuffer()
      const doc = await first.handlers['documents.import']({
        ownerKind: 'company',
        ownerId: company.id,
        requirement: 'industry_qualification',
        fileName: 'id.jpg',
        dataBase64: jpeg.toString('base64'),
      })
      await first.handlers['files.thumbnail']({ sha256: doc.file?.sha256 ?? '' })
      first.close()
      // What an older version or a loose umask left behind:
      chmodSync(dir, 0o755)
      for (const name of readdirSync(dir)) {
        const path = join(dir, name)
        chmodSync(path, statSync(path).isDirectory() ? 0o755 : 0o644)
      }
      for (const name of readdirSync(join(dir, 'thumbnails'))) {
        chmodSync(join(dir, 'thumbnails', name), 0o644)
      }
      writeFileSync(join(dir, 'packetdesk.sqlite-extra'), 'x', { mode: 0o644 })

      const reader = createBackend({ dataDir: dir, access: 'read' })
      // While open, the WAL and shared-memory files exist and are checked with the rest.
      expect(readdirSync(dir)).toEqual(
        expect.arrayContaining(['packetdesk.sqlite-wal', 'packetdesk.sqlite-shm']),
      )
      expect(mode(dir)).toBe(0o700)
      for (const name of readdirSync(dir)) {
        const path = join(dir, name)
        expect([name, mode(path)]).toEqual([name, statSync(path).isDirectory() ? 0o700 : 0o600])
      }
      for (const name of readdirSync(join(dir, 'files'))) {
        expect(mode(join(dir, 'files', name))).toBe(0o700)
      }
      for (const name of readdirSync(join(dir, 'thumbnails'))) {
        expect(mode(join(dir, 'thumbnails', name))).toBe(0o600)
      }
      reader.close()
    },
  )
})
