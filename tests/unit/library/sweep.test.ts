import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import { createBackend } from '../../../electron/services/backend'
import { tempDir } from '../../helpers/temp'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

describe('startup sweep of the file store', () => {
  it('reports documents whose file is missing and removes orphaned files', async () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const first = createBackend({ dataDir: dir })
    const company = await first.handlers['companies.save']({ name: '青禾', region: 'domestic' })
    const jpeg = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#c33' } })
      .jpeg()
      .toBuffer()
    const doc = await first.handlers['documents.import']({
      ownerKind: 'company',
      ownerId: company.id,
      requirement: 'industry_qualification',
      subject: 'a/b',
      fileName: 'x.jpg',
      dataBase64: jpeg.toString('base64'),
    })
    expect((await first.handlers['system.info']({})).filesMissing).toBe(0)
    first.close()

    const sha = doc.file?.sha256 ?? ''
    rmSync(first.store.path(sha))
    const orphan = join(dir, 'files', 'ff', 'f'.repeat(64))
    mkdirSync(join(dir, 'files', 'ff'), { recursive: true })
    writeFileSync(orphan, 'stray')

    const second = createBackend({ dataDir: dir })
    cleanups.push(() => second.close())
    const info = await second.handlers['system.info']({})
    expect(info.filesMissing).toBe(1)
    expect(info.orphansRemoved).toBe(1)
    expect(existsSync(orphan)).toBe(false)
    // The document row stays (data is never dropped silently).
    expect(
      await second.handlers['documents.list']({ ownerKind: 'company', ownerId: company.id }),
    ).toHaveLength(1)
  })
})
