import { spawnSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBackend } from '../../../electron/services/backend'
import { verifyBackup } from '../../../electron/services/backup/restore'
import { tryLockDataDir } from '../../../electron/services/db/data-lock'
import { leftoverTag } from '../../../electron/services/leftovers'
import { dispatch } from '../../../electron/services/dispatch'
import { demoBackend } from '../../helpers/backend'
import { tempDir } from '../../helpers/temp'

/**
 * 设置 → 恢复 inside the running app: the archive is verified in full while the app keeps
 * answering; only then is the library swapped in place (the lock stays held), the database
 * reopened, the previous library kept aside. A bad archive changes nothing; a swap cut short by
 * a crash is completed by the next open.
 */
const temp = tempDir('packetdesk-restore-')
afterAll(() => temp.cleanup())
let demo: Awaited<ReturnType<typeof demoBackend>>
let archive = ''

beforeAll(async () => {
  demo = await demoBackend()
  const made = await demo.backend.handlers['system.backup']({ outDir: join(temp.dir, 'out') })
  archive = made.file
}, 60_000)
afterAll(() => demo.cleanup())

async function libraryWithExtraCompany(name: string) {
  const dataDir = join(temp.dir, name)
  const backend = createBackend({ dataDir })
  await backend.handlers['companies.save']({ name: '后来加的公司', region: 'domestic' })
  return { dataDir, backend }
}

const companyNames = async (backend: ReturnType<typeof createBackend>) =>
  (await backend.handlers['companies.list']({})).map((c) => c.name).sort()

describe('恢复 in the running app', () => {
  it('replaces the library, keeps the previous one aside, reopens, keeps the lock, audits', async () => {
    const { dataDir, backend } = await libraryWithExtraCompany('running')
    try {
      const restored = await dispatch(backend.handlers, 'system.restore', { archivePath: archive })
      expect(restored.ok).toBe(true)
      const value = (restored as { value: { previous: string; files: number } }).value
      expect(value.files).toBeGreaterThan(0)
      expect(value.previous).toMatch(/running\.before-restore-/)
      expect(readdirSync(value.previous)).toContain('packetdesk.sqlite')
      // The same handlers object now answers from the restored library.
      expect(await companyNames(backend)).toEqual(await companyNames(demo.backend))
      expect(await backend.handlers['packets.list']({})).toHaveLength(
        (await demo.backend.handlers['packets.list']({})).length,
      )
      const audit = backend.db
        .prepare(
          "SELECT detail FROM audit_log WHERE action = 'restore' AND entity_kind = 'library'",
        )
        .all() as { detail: string }[]
      expect(audit).toEqual([{ detail: `${value.files} file(s)` }])
      // Still this process's library: another writer cannot take it.
      expect(tryLockDataDir(dataDir, 'test')).toHaveProperty('heldBy')
      // No staging folder left beside it.
      expect(readdirSync(dirname(dataDir)).filter((n) => n.includes('.restore-'))).toEqual([])
    } finally {
      backend.close()
    }
  }, 60_000)

  it('a truncated archive is refused, the library is untouched and keeps answering', async () => {
    const { backend } = await libraryWithExtraCompany('kept')
    try {
      const bytes = readFileSync(archive)
      const truncated = join(temp.dir, 'truncated.tar')
      writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)))
      const before = await companyNames(backend)
      const result = await dispatch(backend.handlers, 'system.restore', { archivePath: truncated })
      expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
      expect((result as { error: { message: string } }).error.message).toMatch(
        /备份文件无法使用：.*现有资料库没有任何改动/,
      )
      expect(await companyNames(backend)).toEqual(before)
      expect(before).toContain('后来加的公司')
      const relative = await dispatch(backend.handlers, 'system.restore', { archivePath: 'x.tar' })
      expect(relative).toMatchObject({ ok: false, error: { field: 'archivePath' } })
    } finally {
      backend.close()
    }
  }, 60_000)

  it('a read-only backend refuses to restore', async () => {
    const { dataDir, backend } = await libraryWithExtraCompany('reader')
    backend.close()
    const reader = createBackend({ dataDir, access: 'read' })
    try {
      const result = await dispatch(reader.handlers, 'system.restore', { archivePath: archive })
      expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    } finally {
      reader.close()
    }
  }, 60_000)

  it('a swap cut short by a crash (journal written, half moved) is completed by the next open', async () => {
    const { dataDir, backend } = await libraryWithExtraCompany('crashed')
    backend.close()
    const verified = await verifyBackup(archive, dataDir)
    // What a crash right after moving the database aside leaves: a journal, the old database in
    // the previous folder, the old files still in place, the verified library staged.
    const previous = `${dataDir}.before-restore-crash`
    mkdirSync(previous)
    renameSync(join(dataDir, 'packetdesk.sqlite'), join(previous, 'packetdesk.sqlite'))
    writeFileSync(
      join(dataDir, 'restore-journal.json'),
      JSON.stringify({ staging: verified.staging, previous, phase: 'aside' }),
    )
    const reopened = createBackend({ dataDir })
    try {
      expect(await companyNames(reopened)).toEqual(await companyNames(demo.backend))
      expect(existsSync(join(dataDir, 'restore-journal.json'))).toBe(false)
      expect(existsSync(verified.staging)).toBe(false)
      expect(readdirSync(previous)).toContain('packetdesk.sqlite')
      const doctor = await reopened.handlers['system.info']({})
      expect(doctor.filesMissing).toBe(0)
    } finally {
      reopened.close()
    }
  }, 60_000)
})

describe('恢复 and the calls around it', () => {
  it('waits for a call already running, refuses a second restore at once, then swaps', async () => {
    const { backend } = await libraryWithExtraCompany('busy')
    try {
      // A slow call (a backup of the library) is running when the restore is asked for.
      const backup = dispatch(backend.handlers, 'system.backup', {
        outDir: join(temp.dir, 'busy-backups'),
      })
      const restore = dispatch(backend.handlers, 'system.restore', { archivePath: archive })
      const second = await dispatch(backend.handlers, 'system.restore', { archivePath: archive })
      expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
      expect((second as { error: { message: string } }).error.message).toMatch(/已经在恢复/)
      const [made, restored] = await Promise.all([backup, restore])
      // Both finished: the backup on the old library, then the swap.
      expect(made.ok).toBe(true)
      expect(restored.ok).toBe(true)
      expect(await companyNames(backend)).toEqual(await companyNames(demo.backend))
    } finally {
      backend.close()
    }
  }, 60_000)

  it('a reader refuses to open a library whose restore is unfinished (journal present)', async () => {
    const { dataDir, backend } = await libraryWithExtraCompany('journal')
    backend.close()
    writeFileSync(
      join(dataDir, 'restore-journal.json'),
      JSON.stringify({
        staging: join(temp.dir, 'nowhere'),
        previous: `${dataDir}.prev`,
        phase: 'in',
      }),
    )
    expect(() => createBackend({ dataDir, access: 'read' })).toThrow(/资料库正在恢复/)
    // A damaged journal stops the writer with a Chinese reason, changing nothing.
    writeFileSync(join(dataDir, 'restore-journal.json'), '')
    expect(() => createBackend({ dataDir })).toThrow(/记录文件已损坏/)
    expect(readdirSync(dataDir)).toContain('packetdesk.sqlite')
  }, 60_000)
})

describe('what a killed backup or restore leaves behind', () => {
  it('is removed by the next backup / restore when its process is gone, kept while it runs', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid
    const tag = leftoverTag()
    const alive = process.ppid
    const outDir = join(temp.dir, 'leftovers')
    mkdirSync(outDir)
    const names = {
      deadDir: `.packetdesk-backup-${tag}-${dead}-0123456789ab`,
      deadTar: `.packetdesk-backup-${tag}-${dead}-0123456789ab.tar`,
      aliveDir: `.packetdesk-backup-${tag}-${alive}-0123456789ab`,
      // Another PC's backup into the same shared folder: its pid means nothing here.
      otherHost: `.packetdesk-backup-otherpc${tag}-${dead}-0123456789ab`,
    }
    mkdirSync(join(outDir, names.deadDir))
    writeFileSync(join(outDir, names.deadTar), 'half')
    mkdirSync(join(outDir, names.aliveDir))
    mkdirSync(join(outDir, names.otherHost))
    await demo.backend.handlers['system.backup']({ outDir })
    const left = readdirSync(outDir)
    expect(left).toContain(names.aliveDir)
    expect(left).toContain(names.otherHost)
    expect(left).not.toContain(names.deadDir)
    expect(left).not.toContain(names.deadTar)

    const target = join(temp.dir, 'leftover-target')
    const deadStaging = join(temp.dir, `.leftover-target.restore-${tag}-${dead}-0123456789ab`)
    mkdirSync(deadStaging)
    const verified = await verifyBackup(archive, target)
    expect(existsSync(deadStaging)).toBe(false)
    rmSync(verified.staging, { recursive: true, force: true })
  }, 60_000)
})
