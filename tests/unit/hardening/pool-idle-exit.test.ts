import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { WorkerPool, fittingPool, workerPool } from '../../../electron/services/workers/pool'
import { PROJECT_ROOT } from '../../helpers/cli'
import { blankPdf } from '../../helpers/fixtures-files'

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function until(check: () => boolean, ms: number): Promise<boolean> {
  for (const start = Date.now(); Date.now() - start < ms;) {
    if (check()) return true
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return check()
}

/** A worker's command line (Linux: /proc). */
function commandLine(pid: number): string {
  return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ')
}

/** A worker's resident memory, MB (Linux: /proc). */
function residentMb(pid: number): number {
  const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
  return Number(kb) / 1024
}

/** The worker's environment as it started (Linux: /proc). */
function environment(pid: number): string[] {
  return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0')
}

describe('worker pools: idle exit and allocator settings', () => {
  let bytes: Buffer
  beforeAll(async () => {
    bytes = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#36c' } })
      .png()
      .toBuffer()
  })

  it('a worker idle past idleExitMs exits, and the next task starts a new one', async () => {
    const pool = new WorkerPool({ size: 1, idleExitMs: 300 })
    try {
      await pool.run('thumbnail', { bytes, format: 'png' })
      const [first] = pool.pids()
      if (first === undefined) throw new Error('no worker')
      expect(alive(first)).toBe(true)
      expect(await until(() => pool.pids().length === 0 && !alive(first), 15_000)).toBe(true)
      const thumbnail = await pool.run('thumbnail', { bytes, format: 'png' })
      expect((await sharp(thumbnail).metadata()).width).toBeGreaterThan(0)
      expect(pool.pids()).toHaveLength(1)
      expect(pool.pids()[0]).not.toBe(first)
    } finally {
      pool.close()
    }
  }, 60_000)

  it('a worker used again before idleExitMs is kept', async () => {
    const pool = new WorkerPool({ size: 1, idleExitMs: 1500 })
    try {
      await pool.run('thumbnail', { bytes, format: 'png' })
      const [first] = pool.pids()
      // Busy again twice within the window: each task restarts the idle clock.
      for (let i = 0; i < 2; i++) {
        await new Promise((resolve) => setTimeout(resolve, 1000))
        await pool.run('thumbnail', { bytes, format: 'png' })
      }
      expect(pool.pids()).toEqual([first])
    } finally {
      pool.close()
    }
  }, 60_000)

  describe.runIf(process.platform === 'linux')('allocator settings (Linux)', () => {
    /** A task on each shared pool, so each has a worker to look at. */
    const startBothPools = (): Promise<unknown> =>
      Promise.all([
        workerPool().run('thumbnail', { bytes, format: 'png' }),
        fittingPool().run('fitPage', {
          image: bytes,
          mode: 'upload',
          avatarFit: 'pad',
          watermark: false,
        }),
      ])

    it('the decoding pool maps 1 MB blocks; the fitting pool keeps what it frees, in one arena', async () => {
      await startBothPools()
      for (const pid of workerPool().pids()) {
        expect(environment(pid)).toContain('MALLOC_MMAP_THRESHOLD_=1048576')
        expect(environment(pid)).toContain('MALLOC_ARENA_MAX=2')
      }
      for (const pid of fittingPool().pids()) {
        const env = environment(pid)
        expect(env.some((v) => v.startsWith('MALLOC_MMAP_THRESHOLD_='))).toBe(false)
        expect(env).toContain('MALLOC_ARENA_MAX=1')
        expect(env).toContain('MALLOC_MMAP_MAX_=0')
        expect(env).toContain(`MALLOC_TRIM_THRESHOLD_=${256 * 1024 * 1024}`)
      }
      expect(fittingPool().pids().length).toBeGreaterThan(0)
      expect(workerPool().pids().length).toBeGreaterThan(0)
    }, 60_000)

    it('the fitting pool runs its own program, without pdfjs until a PDF page comes', async () => {
      await startBothPools()
      const [fitting] = fittingPool().pids()
      const [decoding] = workerPool().pids()
      if (fitting === undefined || decoding === undefined) throw new Error('no worker')
      expect(commandLine(fitting)).toContain('fitting-child.ts')
      expect(commandLine(decoding)).toContain(join('workers', 'child.ts'))
      // pdfjs's live heap is ~86 MB: the decoding worker has it from the start, this one not.
      expect(residentMb(decoding) - residentMb(fitting)).toBeGreaterThan(40)
      // …and a PDF page still renders and fits there (pdfjs loaded on demand).
      const pdf = await blankPdf(1)
      const page = await fittingPool().run('fitPdfPage', {
        image: pdf,
        page: 0,
        mode: 'upload',
        avatarFit: 'pad',
        watermark: false,
      })
      expect(page.format === 'png' || page.format === 'jpeg').toBe(true)
      expect(page.bytes).toBeGreaterThan(0)
      expect(fittingPool().pids()).toContain(fitting)
    }, 60_000)

    it('a program that names no environment gets the lean one (the OCR worker, the benches)', async () => {
      const source = join(PROJECT_ROOT, 'electron', 'services', 'workers', 'child.ts')
      const pool = new WorkerPool({
        size: 1,
        program: { bundled: 'absent.js', source, heapMb: 256 },
      })
      try {
        await pool.run('thumbnail', { bytes, format: 'png' })
        const [pid] = pool.pids()
        if (pid === undefined) throw new Error('no worker')
        expect(environment(pid)).toContain('MALLOC_MMAP_THRESHOLD_=1048576')
      } finally {
        pool.close()
      }
    }, 60_000)
  })
})
