import { setPriority } from 'node:os'
import { serveTasks } from '../workers/serve'
import { loadEngine } from './ocr-engine'
import { OCR_TASKS } from './ocr-tasks'

/**
 * A worker process of the OCR pool (ocr-pool.ts): loads the models once, then reads one page
 * per task. It holds no database; the pool recycles it when it grows and kills it past a
 * page's deadline.
 */
// Reading is background work: the clerk's clicks (and the decoding worker) come first.
try {
  setPriority(10)
} catch {
  // not permitted here: run at normal priority
}
serveTasks(OCR_TASKS, loadEngine)
