import { spawn } from 'node:child_process'
import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBackend } from '../../../electron/services/backend'
import { verifyBackup } from '../../../electron/services/backup/restore'
import { PROJECT_ROOT, runCliProcess } from '../../helpers/cli'
import { tempDir } from '../../helpers/temp'

/**
 * Fault injection: the writer is killed (SIGKILL) at random moments while it imports scans and
 * generates letters and backups. Afterwards every call that answered OK is in the library with its file, the
 * next start leaves no temp file behind, and doctor finds the database and file store sound.
 * (`npm run soak` runs the long version.)
 */
const KILLS = Number(process.env.PACKETDESK_SOAK_KILLS ?? 16)
const CHILD = join(__dirname, 'import-child.cjs')
const temp = tempDir('packetdesk-kill-import-')
const spare = tempDir('packetdesk-kill-backups-')
const BACKUPS = join(spare.dir, 'backups')
let companyId = ''
let relationId = ''

beforeAll(async () => {
  const backend = createBackend({ dataDir: temp.dir })
  const h = backend.handlers
  const company = await h['companies.save']({
    name: '上海青禾文化传媒有限公司',
    region: 'domestic',
  })
  const person = await h['persons.save']({
    name: '张伟',
    idType: 'resident_id',
    idNumber: '11010519491231002X',
  })
  await h['trademarks.save']({
    text: '禾木',
    regNo: '45678901',
    class: 35,
    registrant: { kind: 'person', id: person.id },
    status: 'registered',
  })
  const relation = await h['relations.save']({
    type: 'authorization',
    from: { kind: 'person', id: person.id },
    toCompanyId: company.id,
  })
  companyId = company.id
  relationId = relation.id
  backend.close()
}, 60_000)
afterAll(() => {
  temp.cleanup()
  spare.cleanup()
})

function runUntilKilled(seed: number, killAfterMs: number): Promise<string[]> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [CHILD, temp.dir, companyId, relationId, String(seed), BACKUPS],
      { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let stdout = ''
    child.stdout.on('data', (chunk: Buffer) => {
      const before = stdout
      stdout += chunk.toString()
      if (!before.includes('ready\n') && stdout.includes('ready\n')) {
        setTimeout(() => child.kill('SIGKILL'), killAfterMs)
      }
    })
    child.stderr.resume()
    child.on('exit', () => resolve(stdout.split('\n').filter((l) => l.startsWith('ok '))))
  })
}

function tempFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map(String)
    .filter((name) => /(^|\/)\.tmp-/.test(name))
}

describe('a writer killed at random moments', () => {
  it(
    `loses nothing it acknowledged over ${KILLS} kills, and leaves nothing half-written`,
    async () => {
      const acknowledged: string[] = []
      for (let i = 0; i < KILLS; i++) {
        // Spread the kills over the first seconds of work, where imports and letters interleave.
        const lines = await runUntilKilled(i, 800 + ((i * 337) % 3200))
        acknowledged.push(...lines)
      }

      // The next start (the writer, under the lock) sweeps crash leftovers.
      const backend = createBackend({ dataDir: temp.dir })
      try {
        expect(tempFiles(join(temp.dir, 'files'))).toEqual([])
        // The next backup clears what killed backups left; every acknowledged one verifies.
        await backend.handlers['system.backup']({ outDir: BACKUPS })
        expect(
          readdirSync(BACKUPS).filter((n) => !/^PacketDesk备份_[\d_-]+\.tar$/.test(n)),
        ).toEqual([])
        for (const line of acknowledged.filter((l) => l.startsWith('ok backup '))) {
          const archive = line.slice('ok backup '.length)
          const verified = await verifyBackup(archive, join(spare.dir, 'verify'))
          rmSync(verified.staging, { recursive: true, force: true })
        }
        for (const line of acknowledged.filter((l) => !l.startsWith('ok backup '))) {
          const [, kind, id, sha] = line.split(' ')
          const table = kind === 'letter' ? 'letters' : 'documents'
          expect(
            backend.db.prepare(`SELECT 1 AS found FROM ${table} WHERE id = ?`).get(id),
            line,
          ).toEqual({
            found: 1,
          })
          expect(backend.store.has(sha ?? ''), line).toBe(true)
        }
      } finally {
        backend.close()
      }
      const doctor = runCliProcess(['doctor', '--data-dir', temp.dir])
      expect(doctor.status, doctor.stderr).toBe(0)
      expect(JSON.parse(doctor.stdout)).toMatchObject({
        ok: true,
        integrity: 'ok',
        filesMissing: 0,
        filesCorrupt: 0,
      })
    },
    KILLS * 10_000,
  )
})
