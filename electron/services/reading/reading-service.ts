import type { PaperRead } from '../../../shared/reading/paper-read'
import type { FileFormat } from '../files/facts'
import { isRefusal } from '../files/refuse'
import type { FileStore } from '../storage/file-store'
import { stopOcr } from './ocr-pool'
import { ReadCache } from './read-cache'
import { readScan } from './read-scan'

/** What the reading queue is doing, for the app's progress line. */
export interface ReadingStatus {
  /** False where reading is off (CLI verbs, tests that do not ask for it). */
  enabled: boolean
  /** Files waiting, not counting the one being read. */
  queued: number
  current: { sha256: string; page: number; pages: number } | null
}

export type ReadState =
  | { state: 'none' }
  | { state: 'queued' }
  | { state: 'reading'; page: number; pages: number }
  | { state: 'done'; read: PaperRead }
  | { state: 'failed'; reason: string }

/** What reading needs of the library open now. */
export interface ReadingContext {
  files: FileStore
  today: () => string
}

interface Job {
  sha256: string
  format: FileFormat
}

/**
 * Reading after import (issue 12): a background queue, one file at a time, in the OCR worker
 * (never in this process). Results go to the data folder's read cache (`cache/read/`), then
 * `onRead` indexes the text and the backend tells every window. Off unless the door asks for
 * it: a CLI verb or a test library never starts OCR behind its back.
 */
export class ReadingService {
  readonly cache: ReadCache
  private readonly queue: Job[] = []
  private current: ReadingStatus['current'] = null
  private running = false
  private stopped = false
  private abort: AbortController | null = null

  constructor(
    private readonly options: {
      enabled: boolean
      dataDir: string
      /** The library open now (a restore or 团队资料库 swaps it). */
      context: () => ReadingContext
      /** After a file was read (or could not be): index it, tell the windows. */
      onRead: (sha256: string, read: PaperRead | null) => Promise<void>
    },
  ) {
    this.cache = new ReadCache(options.dataDir)
  }

  get enabled(): boolean {
    return this.options.enabled
  }

  status(): ReadingStatus {
    return { enabled: this.options.enabled, queued: this.queue.length, current: this.current }
  }

  /** What is known about a file's reading. */
  stateOf(sha256: string, today: string): ReadState {
    if (this.current?.sha256 === sha256) {
      return { state: 'reading', page: this.current.page, pages: this.current.pages }
    }
    if (this.queue.some((job) => job.sha256 === sha256)) return { state: 'queued' }
    const cached = this.cache.get(sha256, today)
    if (!cached) return { state: 'none' }
    return 'read' in cached
      ? { state: 'done', read: cached.read }
      : { state: 'failed', reason: cached.failed }
  }

  /**
   * Queue a file to be read (again, with `force`). A file already read is not queued unless
   * forced; one queued or being read is not queued twice. Returns whether it was queued.
   */
  enqueue(sha256: string, format: FileFormat, force = false): boolean {
    if (!this.options.enabled || this.stopped) return false
    if (this.current?.sha256 === sha256 || this.queue.some((job) => job.sha256 === sha256)) {
      return false
    }
    if (!force && this.cache.get(sha256, '1970-01-01') !== null) return false
    this.queue.push({ sha256, format })
    void this.pump()
    return true
  }

  /** Stop reading one file: out of the queue, or stopped mid-page (the OCR worker is killed). */
  cancel(sha256: string): void {
    const index = this.queue.findIndex((job) => job.sha256 === sha256)
    if (index >= 0) this.queue.splice(index, 1)
    if (this.current?.sha256 === sha256 && this.abort) {
      this.abort.abort()
      stopOcr()
    }
  }

  /** Forget what is queued and stop the file being read (the OCR worker is killed). */
  cancelAll(): void {
    this.queue.splice(0)
    if (this.abort) {
      this.abort.abort()
      stopOcr()
    }
  }

  /** For good: the backend is closing. */
  stop(): void {
    this.stopped = true
    this.cancelAll()
    stopOcr()
  }

  private async pump(): Promise<void> {
    if (this.running) return
    this.running = true
    try {
      for (let job = this.queue.shift(); job && !this.stopped; job = this.queue.shift()) {
        await this.readOne(job)
      }
    } finally {
      this.running = false
      this.current = null
    }
  }

  private async readOne(job: Job): Promise<void> {
    const ctx = this.options.context()
    this.current = { sha256: job.sha256, page: 0, pages: 1 }
    const abort = new AbortController()
    this.abort = abort
    let read: PaperRead | null = null
    try {
      const bytes = await ctx.files.read(job.sha256)
      read = await readScan(bytes, job.format, {
        today: ctx.today(),
        signal: abort.signal,
        onProgress: ({ page, pages }) => {
          this.current = { sha256: job.sha256, page, pages }
        },
      })
      this.cache.putPages(job.sha256, read.pages)
    } catch (error) {
      if (abort.signal.aborted || this.stopped) return
      // A refusal (an undecodable page, a page past its deadline) is remembered, so the file is
      // not read again at every start; anything else (the server away) is tried next time.
      if (isRefusal(error)) this.cache.putFailure(job.sha256, error.message)
      else return
    } finally {
      this.abort = null
      this.current = null
    }
    await this.options.onRead(job.sha256, read).catch(() => undefined)
  }
}
