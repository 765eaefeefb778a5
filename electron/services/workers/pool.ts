import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppError, type WireError } from '../../../shared/errors'
import { refuse } from '../files/refuse'
import type { ResultMessage, TaskMessage } from './protocol'
import { forkSpawner, type WorkerEntry, type WorkerProcess, type WorkerSpawner } from './spawn'
import type { FITTING_TASKS } from './fitting-tasks'
import type { TASKS } from './tasks'

/** A worker program's tasks: plain data in, plain data out (see tasks.ts). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each task names its own input
export type TaskTable = Record<string, (input: any) => Promise<unknown>>

export interface TaskLimits {
  /** Wall-clock time the task may take; past it the worker process is killed. */
  deadlineMs: number
  /** Resident memory the worker may reach while on the task; past it the worker is killed. */
  maxRssBytes: number
}

export interface PoolOptions extends Partial<TaskLimits> {
  /** Workers running at once (tasks beyond wait their turn). */
  size?: number
  /** A worker idle above this resident size is recycled rather than kept. */
  recycleRssBytes?: number
  /** How often the watchdog reads a busy worker's memory. */
  pollMs?: number
  /** How this pool starts its workers (default: the process-wide one, see setWorkerSpawner). */
  spawner?: WorkerSpawner
  /** Which worker program runs (default: the decoding worker, child.ts). */
  program?: WorkerProgram
  /** A worker idle this long exits (its memory goes back to the system); default: kept. */
  idleExitMs?: number
}

/** A worker program: its bundled name beside the app's main bundle, and its TypeScript source. */
export interface WorkerProgram {
  bundled: string
  source: string
  /** V8 heap cap, MB (the RSS watchdog is Linux-only). */
  heapMb: number
  /** Environment the worker starts with (glibc's allocator settings); default LEAN_ALLOCATOR. */
  env?: Record<string, string>
}

const MB = 1024 * 1024
const DEFAULTS = {
  size: 2,
  deadlineMs: 25_000,
  maxRssBytes: 900 * MB,
  recycleRssBytes: 750 * MB,
  pollMs: 100,
}

/**
 * The worker's resident memory, with everything native (pdfjs canvas, libvips) counted — which a
 * worker thread's `resourceLimits` would not see. Linux reads /proc; elsewhere the V8 heap cap
 * passed at fork and the deadline remain the limits.
 */
function residentBytes(pid: number | undefined): number | null {
  if (pid === undefined || process.platform !== 'linux') return null
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]
    return kb === undefined ? null : Number(kb) * 1024
  } catch {
    return null
  }
}

/**
 * glibc's allocator for the decoding workers: libvips's threads and pdfjs's image arrays each left
 * freed memory in per-thread arenas and below a rising mmap threshold, ~45 MB per worker after a
 * few PDFs (issue 14: the import's process tree ≤ 600 MB). Two arenas, and blocks of 1 MB or
 * more mapped and returned on free. Ignored by other allocators and systems.
 */
const LEAN_ALLOCATOR = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: String(1024 * 1024) }

const DECODING_WORKER: WorkerProgram = {
  bundled: 'worker.js',
  source: join(__dirname, 'child.ts'),
  heapMb: 512,
  env: LEAN_ALLOCATOR,
}

/**
 * The export's page fitting: the same limits, its own program (fitting-child.ts: the fitting
 * tasks only) and allocator.
 * - pdfjs is loaded by the first PDF page only (fitting-child.ts): its ~86 MB of live heap made
 *   every major GC, several per page, mark it all.
 * - glibc keeps what it frees: one arena, no block mapped on its own, and up to 256 MB of free
 *   heap kept. With mapped blocks (the decoding pool's 1 MB threshold, or glibc's own for the
 *   36 MB raster of a 12 MP scan) each page's pixels faulted in afresh, 20,000–30,000 page
 *   faults and 60–130 ms of kernel time per scan; with them kept, a few dozen. Its workers exit
 *   when idle (FITTING_IDLE_EXIT_MS), so what they keep does not outlive the export.
 *   What they keep counts against the next page's memory cap, so an idle fitting worker above
 *   FITTING_RECYCLE_RSS_BYTES is replaced (after a 12 MP scan one sits at ~250–300 MB).
 * Together a 12 MP scan sent to a worker, fitted and sent back went from ~470 to ~310 ms (median
 * of 8, each after an ImageMagick run; issue 14). The allocator settings are glibc's, measured in
 * Node-forked workers (browser host, CLI); where malloc is another allocator (other systems, and
 * possibly Chromium's in Electron's utility processes) they do nothing.
 */
const FITTING_WORKER: WorkerProgram = {
  bundled: 'fitting-worker.js',
  source: join(__dirname, 'fitting-child.ts'),
  heapMb: DECODING_WORKER.heapMb,
  env: { MALLOC_ARENA_MAX: '1', MALLOC_MMAP_MAX_: '0', MALLOC_TRIM_THRESHOLD_: String(256 * MB) },
}

/** How long an idle fitting worker is kept for the next export (a worker starts in ~1 s). */
const FITTING_IDLE_EXIT_MS = 60_000

/**
 * An idle fitting worker above this is replaced: the next page then starts with at least 450 MB
 * of its 900 MB cap free (a 12000×9000 scan peaks at ~470 MB in a fresh worker), so memory kept
 * from an earlier page cannot get a legitimate page refused.
 */
const FITTING_RECYCLE_RSS_BYTES = 450 * MB

/** The worker entry: the bundled script beside the app's main bundle, or the TypeScript source. */
function workerEntry(program: WorkerProgram): WorkerEntry {
  // A V8 heap cap as well: the RSS watchdog is Linux-only.
  const heap = `--max-old-space-size=${program.heapMb}`
  const env = program.env ?? LEAN_ALLOCATOR
  // Bundled: out/main/worker.js, beside main.js/host.js — this code itself may sit in a shared
  // chunk (out/main/chunks/), so look one folder up too.
  for (const dir of [__dirname, join(__dirname, '..')]) {
    const bundled = join(dir, program.bundled)
    if (existsSync(bundled)) return { file: bundled, execArgv: [heap], env }
  }
  // From the sources (tests, the CLI): tsx's CommonJS hook only. Its ESM loader would also
  // transform pdfjs's large modules and leave the worker at ~600 MB before any work.
  return { file: program.source, execArgv: ['--require', 'tsx/cjs', heap], env }
}

interface Job {
  message: TaskMessage
  limits: TaskLimits
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
}

let spawner: WorkerSpawner = forkSpawner

/**
 * How workers are started. Electron's main process sets Electron's utility processes here: the
 * packaged app has the RunAsNode fuse off, so `fork` of its own binary cannot run Node.
 */
export function setWorkerSpawner(next: WorkerSpawner): void {
  spawner = next
}

class Worker {
  readonly child: WorkerProcess
  job: Job | null = null
  private ready = false
  private timer: NodeJS.Timeout | undefined
  private watchdog: NodeJS.Timeout | undefined

  constructor(
    spawn: WorkerSpawner,
    program: WorkerProgram,
    private readonly pollMs: number,
    private readonly onIdle: (worker: Worker) => void,
    private readonly onGone: (worker: Worker) => void,
  ) {
    this.child = spawn(workerEntry(program))
    this.child.onMessage((message) => this.settle(message))
    this.child.onExit(() => this.gone())
  }

  start(job: Job): void {
    this.job = job
    this.child.hold(true)
    if (this.ready) this.begin(job)
  }

  /** The task's clock and watchdog start when the worker has loaded and the task is sent. */
  private begin(job: Job): void {
    this.timer = setTimeout(
      () => this.kill(refuse(timeoutReason(job.limits.deadlineMs))),
      job.limits.deadlineMs,
    )
    this.watchdog = setInterval(() => {
      const rss = residentBytes(this.child.pid)
      if (rss !== null && rss > job.limits.maxRssBytes) this.kill(refuse(memoryReason(rss)))
    }, this.pollMs)
    this.child.send(job.message)
  }

  rss(): number | null {
    return residentBytes(this.child.pid)
  }

  /** Stop the worker now; the job it had (if any) fails with `reason`. */
  kill(reason: Error): void {
    const job = this.finish()
    // Held until it has exited: a task queued meanwhile waits for this slot, and an unheld
    // dying worker would let a CLI process end with that task never run.
    this.child.hold(true)
    this.child.kill()
    job?.reject(reason)
  }

  private settle(message: ResultMessage): void {
    if ('ready' in message) {
      this.ready = true
      if (this.job) this.begin(this.job)
      return
    }
    const job = this.job
    if (!job || message.id !== job.message.id) return
    this.finish()
    if (message.ok) job.resolve(message.value)
    else job.reject(fromWire(message.error))
    this.onIdle(this)
  }

  private finish(): Job | null {
    const job = this.job
    this.job = null
    clearTimeout(this.timer)
    clearInterval(this.watchdog)
    // An idle worker must not keep a CLI process alive.
    this.child.hold(false)
    return job
  }

  private gone(): void {
    const job = this.finish()
    job?.reject(
      refuse('无法处理此文件：处理进程意外退出（文件可能已损坏或过于复杂），没有保存任何内容。'),
    )
    this.onGone(this)
  }
}

function timeoutReason(ms: number): string {
  return `处理超时（超过 ${Math.round(ms / 1000)} 秒）已停止：文件过于复杂或已损坏，没有保存任何内容。请另存为普通图片或重新扫描后再导入。`
}

function memoryReason(bytes: number): string {
  return `处理此文件需要的内存过多（超过 ${Math.round(bytes / MB)} MB）已停止：文件过于复杂或已损坏，没有保存任何内容。`
}

function fromWire(error: WireError): AppError {
  return new AppError(error.code, error.message, error.field)
}

/**
 * A pool of child processes for untrusted decoding (pdfjs, sharp on hostile files, pdf-lib):
 * the main process (Electron's, the host's, the CLI's) never parses a file itself, stays
 * responsive while one is parsed, and survives a file that hangs or exhausts memory — the
 * watchdog kills the worker at its deadline or memory cap, and the task fails with a Chinese
 * refusal like any other. Workers are reused, and recycled when they grow.
 */
export class WorkerPool<Tasks extends TaskTable = typeof TASKS> {
  private readonly workers = new Set<Worker>()
  private readonly idle: Worker[] = []
  /** Idle workers' exit timers (idleExitMs). */
  private readonly idleExits = new Map<Worker, NodeJS.Timeout>()
  private readonly queue: Job[] = []
  private nextId = 1
  private closed = false
  private readonly options: typeof DEFAULTS
  private readonly spawner: WorkerSpawner | undefined
  private readonly program: WorkerProgram
  private readonly idleExitMs: number | undefined

  constructor(options: PoolOptions = {}) {
    const { spawner: own, program, idleExitMs, ...rest } = options
    this.options = { ...DEFAULTS, ...rest }
    this.spawner = own
    this.program = program ?? DECODING_WORKER
    this.idleExitMs = idleExitMs
  }

  run<T extends keyof Tasks & string>(
    task: T,
    input: Parameters<Tasks[T]>[0],
    limits: Partial<TaskLimits> = {},
  ): Promise<Awaited<ReturnType<Tasks[T]>>> {
    if (this.closed) return Promise.reject(new AppError('INTERNAL', '处理进程池已关闭。'))
    return new Promise((resolve, reject) => {
      this.queue.push({
        message: { id: this.nextId++, task, input },
        limits: {
          deadlineMs: limits.deadlineMs ?? this.options.deadlineMs,
          maxRssBytes: limits.maxRssBytes ?? this.options.maxRssBytes,
        },
        resolve: resolve as (value: unknown) => void,
        reject,
      })
      this.pump()
    })
  }

  /** Kill every worker; queued and running tasks fail. */
  close(): void {
    this.closed = true
    for (const job of this.queue.splice(0))
      job.reject(new AppError('INTERNAL', '处理进程池已关闭。'))
    for (const worker of [...this.workers])
      worker.kill(new AppError('INTERNAL', '处理进程池已关闭。'))
  }

  /** Workers that may run at once: how many tasks a caller keeps in flight to use them all. */
  get size(): number {
    return this.options.size
  }

  /** Process ids of the live workers (tests measure the whole process tree). */
  pids(): number[] {
    return [...this.workers].map((w) => w.child.pid).filter((p): p is number => p !== undefined)
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? this.spawn()
      if (!worker) return
      this.keepAwake(worker)
      const job = this.queue.shift()
      if (job) worker.start(job)
    }
  }

  private spawn(): Worker | null {
    if (this.workers.size >= this.options.size) return null
    const worker = new Worker(
      this.spawner ?? spawner,
      this.program,
      this.options.pollMs,
      (w) => this.release(w),
      (w) => this.forget(w),
    )
    this.workers.add(worker)
    return worker
  }

  private release(worker: Worker): void {
    const rss = worker.rss()
    if (rss !== null && rss > this.options.recycleRssBytes) {
      worker.kill(new AppError('INTERNAL', 'recycled'))
    } else {
      this.idle.push(worker)
      this.exitWhenIdle(worker)
    }
    this.pump()
  }

  private exitWhenIdle(worker: Worker): void {
    if (this.idleExitMs === undefined) return
    const timer = setTimeout(() => {
      this.idleExits.delete(worker)
      if (this.idle.includes(worker)) worker.kill(new AppError('INTERNAL', 'idle'))
    }, this.idleExitMs)
    timer.unref()
    this.idleExits.set(worker, timer)
  }

  private keepAwake(worker: Worker): void {
    clearTimeout(this.idleExits.get(worker))
    this.idleExits.delete(worker)
  }

  private forget(worker: Worker): void {
    this.keepAwake(worker)
    this.workers.delete(worker)
    const index = this.idle.indexOf(worker)
    if (index >= 0) this.idle.splice(index, 1)
    if (!this.closed) this.pump()
  }
}

let shared: WorkerPool | undefined
let fitting: WorkerPool<typeof FITTING_TASKS> | undefined

/** The process's pool, started on first use. */
export function workerPool(): WorkerPool {
  shared ??= new WorkerPool()
  return shared
}

/** The export's page fitting (FITTING_WORKER): its own tasks and processes, the same caps. */
export function fittingPool(): WorkerPool<typeof FITTING_TASKS> {
  fitting ??= new WorkerPool({
    program: FITTING_WORKER,
    idleExitMs: FITTING_IDLE_EXIT_MS,
    recycleRssBytes: FITTING_RECYCLE_RSS_BYTES,
  })
  return fitting
}
