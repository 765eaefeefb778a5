import { serveTasks } from './serve'
import { TASKS } from './tasks'

/**
 * A worker process of the export's fitting pool (pool.ts). The same tasks as the decoding worker
 * (child.ts), but pdfjs is loaded only by the first PDF page it renders: pdfjs keeps ~86 MB of
 * live heap, and every major GC marks all of it — the decoded rasters' external memory sets off
 * several per page, which took ~30 % of the worker's CPU on a 12 MP scan (issue 14).
 */
serveTasks(TASKS, () => Promise.resolve())
