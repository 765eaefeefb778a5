import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { AppError } from '../../../shared/errors'
import { PDF_TIME_LIMIT_MS } from '../../../shared/limits'
import { WorkerPool } from '../../../electron/services/workers/pool'
import { PROJECT_ROOT } from '../../helpers/cli'
import { operatorBombPdf, watchTreeRss } from '../../helpers/hostile-files'
import { startTestHost } from '../../helpers/host'
import { tempDir } from '../../helpers/temp'

/**
 * Hostile PDFs are decoded in worker processes with a deadline and a memory cap: they are
 * refused like any other bad file, in bounded time and memory, and the process that serves the
 * user stays responsive. (Safety limits with a wide margin, not benchmarks.)
 */
const temp = tempDir('packetdesk-hostile-')
afterAll(() => temp.cleanup())
const GB = 1024 * 1024 * 1024

const bomb = operatorBombPdf(2_000_000)
const bombFile = join(temp.dir, 'bomb.pdf')
writeFileSync(bombFile, bomb)

function runCli(
  args: string[],
): Promise<{ code: number | null; stderr: string; peak: number; ms: number }> {
  return new Promise((resolve) => {
    const started = Date.now()
    const child = spawn(process.execPath, [join(PROJECT_ROOT, 'bin', 'packetdesk.cjs'), ...args], {
      cwd: PROJECT_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const rss = watchTreeRss(child.pid ?? 0)
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')))
    child.on('exit', (code) =>
      resolve({ code, stderr, peak: rss.stop(), ms: Date.now() - started }),
    )
  })
}

describe('hostile PDFs', () => {
  it('a 2,000,000-operator PDF is small, and cli inspect refuses it within 35 s at ≤ 1.5 GB for the whole tree', async () => {
    expect(bomb.length).toBeLessThan(300_000)
    const run = await runCli(['inspect', bombFile])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/已拒绝：.*(超时|内存)/)
    // The PDF's 20 s time limit (PDF_TIME_LIMIT_MS, 22 s with the kill's grace) plus the CLI's
    // own start: 25 s left 3 s for that and failed at 26.9 s while other test files loaded both
    // cores. A worker that ignored its deadline would take the test's 60 s.
    expect(run.ms).toBeLessThan(PDF_TIME_LIMIT_MS + 15_000)
    expect(run.peak).toBeLessThan(1.5 * GB)
  }, 60_000)

  it('while the host imports it, system.info answers within 2 s throughout, and nothing is stored', async () => {
    const data = tempDir('packetdesk-hostile-host-')
    const test = await startTestHost(data.dir)
    try {
      const h = test.backend.handlers
      const company = await h['companies.save']({ name: '青禾', region: 'domestic' })
      const call = async (method: string, body: unknown) => {
        const response = await fetch(`http://127.0.0.1:${test.host.port}/api/${method}`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${test.host.token}`,
            'content-type': 'application/json',
          },
          body: JSON.stringify(body),
        })
        return (await response.json()) as { ok: boolean; error?: { code: string; message: string } }
      }
      const importing = call('documents.import', {
        ownerKind: 'company',
        ownerId: company.id,
        requirement: 'industry_qualification',
        fileName: 'scan.pdf',
        dataBase64: bomb.toString('base64'),
      })
      let done = false
      void importing.finally(() => (done = true))
      const latencies: number[] = []
      while (!done) {
        const started = Date.now()
        const info = await call('system.info', {})
        expect(info.ok).toBe(true)
        latencies.push(Date.now() - started)
        await new Promise((r) => setTimeout(r, 200))
      }
      const result = await importing
      expect(result).toMatchObject({ ok: false, error: { code: 'FILE_REJECTED' } })
      expect(latencies.length).toBeGreaterThan(3)
      expect(Math.max(...latencies)).toBeLessThan(2_000)
      expect(test.backend.db.prepare('SELECT COUNT(*) AS n FROM files').get()).toEqual({ n: 0 })
      expect(await h['documents.list']({ ownerKind: 'company', ownerId: company.id })).toEqual([])
    } finally {
      await test.stop()
      data.cleanup()
    }
  }, 60_000)
})

describe('the worker pool', () => {
  it('kills a worker at its deadline and refuses the task; the next task gets a fresh worker', async () => {
    const pool = new WorkerPool({ size: 1, deadlineMs: 1_500 })
    try {
      const started = Date.now()
      const error = await pool.run('inspect', { bytes: bomb, options: {} }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(AppError)
      expect((error as AppError).code).toBe('FILE_REJECTED')
      expect((error as AppError).message).toMatch(/超时/)
      expect(Date.now() - started).toBeLessThan(10_000)
      const small = operatorBombPdf(10)
      const facts = await pool.run('inspect', { bytes: small, options: {} }, { deadlineMs: 20_000 })
      expect(facts).toMatchObject({ format: 'pdf', pages: 1 })
    } finally {
      pool.close()
    }
  }, 60_000)

  it('kills a worker past its memory cap and refuses the task', async () => {
    const pool = new WorkerPool({ size: 1, maxRssBytes: 250 * 1024 * 1024 })
    try {
      const error = await pool.run('inspect', { bytes: bomb, options: {} }).catch((e: unknown) => e)
      expect((error as AppError).code).toBe('FILE_REJECTED')
      expect((error as AppError).message).toMatch(/内存/)
      await vi.waitFor(() => expect(pool.pids()).toEqual([]))
    } finally {
      pool.close()
    }
  }, 60_000)
})
