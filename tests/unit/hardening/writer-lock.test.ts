import { spawn } from 'node:child_process'
import { existsSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterEach, describe, expect, it } from 'vitest'
import { createBackend, openBackend } from '../../../electron/services/backend'
import { tryLockDataDir } from '../../../electron/services/db/data-lock'
import { AppError } from '../../../shared/errors'
import { PROJECT_ROOT, runCliProcess } from '../../helpers/cli'
import { tempDir } from '../../helpers/temp'

/**
 * One writer per data folder: the app, the host and writing CLI verbs hold a lock the OS frees
 * when the process dies; readers take none and never sweep the file store; doctor verifies it.
 */
const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))
function dataDir(): string {
  const t = tempDir('packetdesk-lock-')
  cleanups.push(t.cleanup)
  return t.dir
}

function spawnCli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin', 'packetdesk.cjs'), ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')))
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')))
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, stdout, stderr })),
  )
  return { child, done, stderr: () => stderr }
}

describe('the data folder’s writer lock', () => {
  it('a second writer in the same process is refused, naming the holder; after close it opens', () => {
    const dir = dataDir()
    const first = createBackend({ dataDir: dir, kind: 'PacketDesk 程序' })
    let refusal: unknown
    try {
      createBackend({ dataDir: dir })
    } catch (error) {
      refusal = error
    }
    expect(refusal).toBeInstanceOf(AppError)
    expect((refusal as AppError).code).toBe('CONFLICT')
    expect((refusal as AppError).message).toContain('PacketDesk 程序')
    expect((refusal as AppError).message).toContain(`进程 ${process.pid}`)
    // A reader opens while the writer holds the lock.
    createBackend({ dataDir: dir, access: 'read' }).close()
    first.close()
    createBackend({ dataDir: dir }).close()
  })

  it('a writing CLI verb waits while another process holds the lock, saying who, then runs', async () => {
    const dir = dataDir()
    const holder = createBackend({ dataDir: dir, kind: '测试持有者' })
    const demo = spawnCli(['demo', '--data-dir', dir])
    const deadline = Date.now() + 20_000
    while (!demo.stderr().includes('正在等待') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100))
    }
    expect(demo.stderr()).toContain('测试持有者')
    holder.close()
    const result = await demo.done
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({ companies: 5 })
  }, 90_000)

  it('the wait is bounded: past it the verb exits with the holder named and nothing changed', async () => {
    const dir = dataDir()
    const holder = createBackend({ dataDir: dir, kind: '测试持有者' })
    try {
      const demo = spawnCli(['demo', '--data-dir', dir], { PACKETDESK_LOCK_WAIT_MS: '500' })
      const result = await demo.done
      expect(result.code).toBe(1)
      expect(result.stderr).toMatch(/测试持有者.*等待后仍未释放/)
      expect(holder.db.prepare('SELECT COUNT(*) AS n FROM companies').get()).toEqual({ n: 0 })
    } finally {
      holder.close()
    }
  }, 60_000)

  it('a killed holder frees the lock at once (the OS releases it)', async () => {
    const dir = dataDir()
    const script = join(dir, 'hold.cjs')
    writeFileSync(
      script,
      `const { createBackend } = require(${JSON.stringify(join(PROJECT_ROOT, 'electron/services/backend.ts'))})
       createBackend({ dataDir: ${JSON.stringify(dir)}, kind: 'holder' })
       process.stdout.write('held\\n')
       setInterval(() => {}, 1000)`,
    )
    const child = spawn(process.execPath, ['--require', 'tsx/cjs', script], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    await new Promise<void>((resolve, reject) => {
      child.stdout.once('data', () => resolve())
      child.once('exit', (code) => reject(new Error(`holder exited early (${code})`)))
    })
    expect('heldBy' in tryLockDataDir(dir, 'probe')).toBe(true)
    child.kill('SIGKILL')
    await new Promise((resolve) => child.once('exit', resolve))
    const lock = await openBackend({ dataDir: dir, waitMs: 5_000 })
    lock.close()
  }, 60_000)
})

describe('readers never sweep', () => {
  it('a file with no row yet (an import in flight elsewhere) survives a reader; the writer sweeps it', async () => {
    const dir = dataDir()
    createBackend({ dataDir: dir }).close()
    const reader = createBackend({ dataDir: dir, access: 'read' })
    const store = reader.store
    reader.close()
    const inFlight = await store.put(Buffer.from('an import whose row is not committed yet'))
    createBackend({ dataDir: dir, access: 'read' }).close()
    expect(runCliProcess(['packets', '--data-dir', dir]).status).toBe(0)
    expect(store.has(inFlight.sha256)).toBe(true)
    // Only the writer, holding the lock (so no import can be in flight), removes orphans.
    createBackend({ dataDir: dir }).close()
    expect(store.has(inFlight.sha256)).toBe(false)
  })

  it('imports that answered OK keep their files while read-only CLI verbs run alongside', async () => {
    const dir = dataDir()
    const backend = createBackend({ dataDir: dir })
    try {
      const h = backend.handlers
      const company = await h['companies.save']({ name: '青禾', region: 'domestic' })
      const readers = Array.from({ length: 3 }, () => spawnCli(['packets', '--data-dir', dir]))
      const imported: string[] = []
      for (let i = 0; i < 12; i++) {
        const jpeg = await sharp({
          create: {
            width: 64 + i,
            height: 64,
            channels: 3,
            background: { r: i * 20, g: 80, b: 40 },
          },
        })
          .jpeg()
          .toBuffer()
        const doc = await h['documents.import']({
          ownerKind: 'company',
          ownerId: company.id,
          requirement: 'industry_qualification',
          fileName: `scan-${i}.jpg`,
          dataBase64: jpeg.toString('base64'),
        })
        imported.push(doc.file?.sha256 ?? '')
      }
      for (const r of readers) expect((await r.done).code).toBe(0)
      for (const sha of imported) expect(backend.store.has(sha)).toBe(true)
    } finally {
      backend.close()
    }
    const doctor = runCliProcess(['doctor', '--data-dir', dir])
    expect(doctor.status).toBe(0)
    expect(JSON.parse(doctor.stdout)).toMatchObject({ ok: true, filesMissing: 0, filesCorrupt: 0 })
  }, 90_000)
})

describe('doctor verifies the file store', () => {
  it('exits 1 naming missing and corrupt files', async () => {
    const dir = dataDir()
    const backend = createBackend({ dataDir: dir })
    const company = await backend.handlers['companies.save']({ name: '青禾', region: 'domestic' })
    const shas: string[] = []
    for (const colour of ['#c33', '#3c3']) {
      const jpeg = await sharp({
        create: { width: 50, height: 50, channels: 3, background: colour },
      })
        .jpeg()
        .toBuffer()
      const doc = await backend.handlers['documents.import']({
        ownerKind: 'company',
        ownerId: company.id,
        requirement: 'industry_qualification',
        fileName: 'a.jpg',
        dataBase64: jpeg.toString('base64'),
      })
      shas.push(doc.file?.sha256 ?? '')
    }
    const [gone = '', damaged = ''] = shas
    backend.close()
    rmSync(backend.store.path(gone))
    writeFileSync(backend.store.path(damaged), 'not the same bytes')
    expect(existsSync(backend.store.path(damaged))).toBe(true)
    const doctor = runCliProcess(['doctor', '--data-dir', dir])
    expect(doctor.status).toBe(1)
    expect(JSON.parse(doctor.stdout)).toMatchObject({ ok: false, filesMissing: 1, filesCorrupt: 1 })
    expect(doctor.stderr).toContain('缺失 1 个，损坏 1 个')
  }, 60_000)
})
