import { serveTasks } from './serve'
import { FITTING_TASKS } from './fitting-tasks'

/**
 * A worker process of the export's fitting pool (pool.ts): its own tasks (fitting-tasks.ts), and
 * no warm-up. pdfjs is loaded by the first PDF page it renders (before that page's time limit
 * starts): pdfjs keeps ~86 MB of live heap, and every major GC marks all of it — the decoded
 * rasters' external memory sets off several per page, which took ~30 % of the worker's CPU on
 * a 12 MP scan (issue 14).
 */
serveTasks(FITTING_TASKS, () => Promise.resolve())
