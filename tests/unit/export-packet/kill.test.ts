import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PARTIAL_PATTERN } from '../../../electron/services/export/staging'
import { PROJECT_ROOT } from '../../helpers/cli'
import {
  DEMO,
  DEMO_TODAY,
  demoLibrary,
  exportProblem,
  type DemoLibrary,
} from '../../helpers/export-fixtures'

const CHILD = join(__dirname, 'export-child.cjs')
const KILLS = 20
/** Kills are spread over this multiple of the calibrated export time. */
const WINDOW = 1.5
/** Exports that start with an empty output cache: one in this many. */
const COLD_EVERY = 4

let lib: DemoLibrary

beforeAll(async () => {
  lib = await demoLibrary()
}, 60_000)
afterAll(() => lib.cleanup())

interface Run {
  child: ChildProcess
  /** Resolves when the child has loaded everything and waits for go(). */
  ready: Promise<void>
  /** Starts the export; returns the moment it was told to. */
  go: () => number
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }>
}

/**
 * A child that will export the email-route packet (the most steps: fits, copies, .eml, 清单,
 * manifest, rename) once told to go.
 */
function spawnExport(outDir: string): Run {
  const child = spawn(
    process.execPath,
    [CHILD, lib.dataDir, lib.packets[DEMO.email] ?? '', outDir, DEMO_TODAY],
    { cwd: PROJECT_ROOT, stdio: ['pipe', 'pipe', 'pipe'] },
  )
  let stdout = ''
  let onReady: () => void = () => undefined
  const ready = new Promise<void>((resolve) => (onReady = resolve))
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString()
    if (stdout.includes('ready\n')) onReady()
  })
  child.stderr?.resume()
  const exited = new Promise<{
    code: number | null
    signal: NodeJS.Signals | null
    stdout: string
  }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stdout })))
  // A child that dies before it is ready must not leave the test waiting.
  void exited.then(onReady)
  const go = () => {
    child.stdin?.write('go\n')
    return performance.now()
  }
  return { child, ready, go, exited }
}

/** What a user could see in `outDir`: every visible folder must be a complete export. */
function checkOutDir(outDir: string): { complete: number; partial: number } {
  let complete = 0
  let partial = 0
  for (const name of readdirSync(outDir)) {
    if (name.startsWith('.')) {
      expect(name).toMatch(PARTIAL_PATTERN)
      partial++
      continue
    }
    expect(exportProblem(join(outDir, name)), name).toBeNull()
    complete++
  }
  return { complete, partial }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Every entry of the output cache is whole: its bytes hash to its name (temp files aside). */
function checkCache(cacheDir: string): void {
  if (!existsSync(cacheDir)) return
  for (const name of readdirSync(cacheDir)) {
    if (name.startsWith('.tmp-')) continue
    const data = readFileSync(join(cacheDir, name))
    expect(name).toContain(createHash('sha256').update(data).digest('hex'))
  }
}

describe('an export killed at any moment', () => {
  it('never leaves a visible folder that is not a complete export, and the next one succeeds', async () => {
    const outDir = lib.outDir()
    const cacheDir = join(lib.dataDir, 'cache', 'export')
    const timed = async (): Promise<number> => {
      const run = spawnExport(outDir)
      await run.ready
      const begin = run.go()
      const result = await run.exited
      expect(result.code, result.stdout).toBe(0)
      return performance.now() - begin
    }
    // Calibrate: how long the export itself takes on this machine, fitting every page (cold:
    // it fills the data folder's output cache) and taking them from the cache (warm).
    const duration = { cold: await timed(), warm: await timed() }
    expect(checkOutDir(outDir)).toEqual({ complete: 2, partial: 0 })

    let killedMidway = 0
    let partialsSeen = 0
    let next = spawnExport(outDir)
    for (let i = 0; i < KILLS; i++) {
      const run = next
      await run.ready
      // Every fourth export starts cold, so kills also land while pages are fitted and cached.
      const kind = i % COLD_EVERY === 0 ? 'cold' : 'warm'
      if (kind === 'cold') rmSync(cacheDir, { recursive: true, force: true })
      const started = run.go()
      // The next child loads while this one exports: startup is not what is being tested.
      next = spawnExport(outDir)
      // Spread over the whole export, stratified so every stretch of it is hit, and a little
      // beyond: the next child loading beside it slows this one down, and the end (manifest,
      // fsync, rename) matters most.
      const colds = Math.ceil(KILLS / COLD_EVERY)
      const [stratum, strata] =
        kind === 'cold'
          ? [i / COLD_EVERY, colds]
          : [i - Math.floor(i / COLD_EVERY) - 1, KILLS - colds]
      const at = (WINDOW * duration[kind] * (stratum + Math.random())) / strata
      await sleep(Math.max(0, at - (performance.now() - started)))
      run.child.kill('SIGKILL')
      const { signal } = await run.exited
      if (signal === 'SIGKILL') killedMidway++
      partialsSeen += checkOutDir(outDir).partial
      checkCache(cacheDir)
    }
    const after = checkOutDir(outDir)
    // Most kills landed inside the export, and some after a partial folder existed.
    expect(killedMidway).toBeGreaterThanOrEqual(KILLS / 2)
    expect(partialsSeen).toBeGreaterThan(0)

    await next.ready
    next.go()
    const { code, stdout } = await next.exited
    expect(code, stdout).toBe(0)
    const folder = /done (.+)\n/.exec(stdout)?.[1] ?? ''
    expect(exportProblem(folder)).toBeNull()
    // The next export removed the partials of the killed ones (their processes are gone).
    expect(checkOutDir(outDir)).toEqual({ complete: after.complete + 1, partial: 0 })
  }, 300_000)
})
