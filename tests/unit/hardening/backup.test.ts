import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBackend } from '../../../electron/services/backend'
import { dispatch } from '../../../electron/services/dispatch'
import { runCliProcess } from '../../helpers/cli'
import { demoBackend } from '../../helpers/backend'
import { tempDir } from '../../helpers/temp'

/** 备份 / 恢复: the whole library in one verified archive; a bad archive changes nothing. */
const temp = tempDir('packetdesk-backup-')
afterAll(() => temp.cleanup())
let demo: Awaited<ReturnType<typeof demoBackend>>
let archive = ''

beforeAll(async () => {
  demo = await demoBackend()
}, 60_000)
afterAll(() => demo.cleanup())

const packets = (dataDir: string) => {
  const r = runCliProcess(['packets', '--data-dir', dataDir])
  return JSON.parse(r.stdout) as { id: string; accountName: string }[]
}

describe('backup and restore', () => {
  it('backs up while the app holds the library, and restores the same packets and file bytes', () => {
    archive = join(temp.dir, 'backup.tar')
    const made = runCliProcess(['backup', '--data-dir', demo.dir, '--out', archive])
    expect(made.status, made.stderr).toBe(0)
    const summary = JSON.parse(made.stdout) as { files: number; bytes: number }
    expect(summary.files).toBeGreaterThanOrEqual(10)
    // Never over an existing file.
    const again = runCliProcess(['backup', '--data-dir', demo.dir, '--out', archive])
    expect(again.status).toBe(1)
    expect(again.stderr).toContain('不会覆盖')

    const target = join(temp.dir, 'restored')
    const restored = runCliProcess(['restore', archive, '--data-dir', target])
    expect(restored.status, restored.stderr).toBe(0)
    expect(packets(target)).toEqual(packets(demo.dir))
    const doctor = runCliProcess(['doctor', '--data-dir', target])
    expect(JSON.parse(doctor.stdout)).toMatchObject({ ok: true, filesMissing: 0, filesCorrupt: 0 })
    const backend = createBackend({ dataDir: target, access: 'read' })
    try {
      for (const sha of backend.db.prepare('SELECT sha256 FROM files').pluck().all() as string[]) {
        expect(readFileSync(backend.store.path(sha))).toEqual(
          readFileSync(demo.backend.store.path(sha)),
        )
      }
    } finally {
      backend.close()
    }
  }, 120_000)

  it('restoring over an existing library keeps the previous one aside', () => {
    const target = join(temp.dir, 'existing')
    createBackend({ dataDir: target }).close()
    const restored = runCliProcess(['restore', archive, '--data-dir', target])
    expect(restored.status, restored.stderr).toBe(0)
    const { previous } = JSON.parse(restored.stdout) as { previous: string }
    expect(previous).toMatch(/existing\.before-restore-/)
    expect(readdirSync(previous)).toContain('packetdesk.sqlite')
    expect(packets(target).length).toBe(packets(demo.dir).length)
  }, 60_000)

  it('a truncated or altered archive is refused and the library is left as it was', () => {
    const target = join(temp.dir, 'kept')
    createBackend({ dataDir: target }).close()
    const before = readdirSync(target).sort()
    const bytes = readFileSync(archive)
    const truncated = join(temp.dir, 'truncated.tar')
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)))
    const altered = join(temp.dir, 'altered.tar')
    const copy = Buffer.from(bytes)
    // Flip a byte well inside the archive (inside some stored file's data).
    const at = Math.floor(copy.length * 0.6)
    copy[at] = (copy[at] ?? 0) ^ 0xff
    writeFileSync(altered, copy)
    for (const bad of [truncated, altered]) {
      const result = runCliProcess(['restore', bad, '--data-dir', target])
      expect(result.status, bad).toBe(2)
      expect(result.stderr).toMatch(/备份文件无法使用：.*现有资料库没有任何改动/)
      expect(readdirSync(target).sort()).toEqual(before)
    }
    expect(readdirSync(temp.dir).filter((n) => n.includes('.restore-'))).toEqual([])
  }, 60_000)

  it('设置 → 备份 writes a dated archive into the chosen folder through the contract, audited', async () => {
    const outDir = join(temp.dir, '备份')
    const relative = await dispatch(demo.backend.handlers, 'system.backup', { outDir: 'backups' })
    expect(relative).toMatchObject({ ok: false, error: { field: 'outDir' } })
    const made = await dispatch(demo.backend.handlers, 'system.backup', { outDir })
    expect(made.ok).toBe(true)
    expect(readdirSync(outDir)).toEqual([
      expect.stringMatching(/^PacketDesk备份_\d{4}-\d{2}-\d{2}_\d{6}\.tar$/),
    ])
    expect(
      demo.backend.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'backup'").get(),
    ).toEqual({ n: 1 })
  }, 60_000)
})
