import { join } from 'node:path'
import { WorkerPool } from '../workers/pool'
import type { OCR_TASKS } from './ocr-tasks'
import type { ReadPageInput } from './ocr-engine'
import type { PageRead } from './ocr-lines'

const MB = 1024 * 1024

/**
 * The OCR worker: one process (the models take ~300 MB and a page's inference both cores), one
 * page at a time. PP-OCR's memory grows across pages in one process (to 1.7 GB, STACK.md), so
 * the worker is recycled after a page leaves it above 1.2 GB; a page past 2.5 GB or its deadline
 * is killed and reported. The main process (Electron's, the host's, the CLI's) never runs OCR.
 */
const OCR_LIMITS = {
  deadlineMs: 90_000,
  maxRssBytes: 2_500 * MB,
  recycleRssBytes: 1_200 * MB,
}

let shared: WorkerPool<typeof OCR_TASKS> | undefined

export function ocrPool(): WorkerPool<typeof OCR_TASKS> {
  shared ??= new WorkerPool<typeof OCR_TASKS>({
    size: 1,
    ...OCR_LIMITS,
    program: { bundled: 'ocr-worker.js', source: join(__dirname, 'ocr-child.ts'), heapMb: 1024 },
  })
  return shared
}

/** A Buffer crosses the channel as a Uint8Array. */
const asBuffer = (data: Uint8Array): Buffer =>
  Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength)

/** Read one page image (PNG or JPEG) in the OCR worker. */
export function readPageIsolated(input: ReadPageInput): Promise<PageRead> {
  return ocrPool().run('readPage', { ...input, image: asBuffer(input.image) })
}

/** Stop the OCR worker (its current page fails); the next read starts a fresh one. */
export function stopOcr(): void {
  shared?.close()
  shared = undefined
}
