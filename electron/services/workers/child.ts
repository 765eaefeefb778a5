import { loadPdfjs } from '../files/pdfjs'
import { serveTasks } from './serve'
import { TASKS } from './tasks'

/**
 * A worker process of the decoding pool (pool.ts). It holds no database and no file store; if a
 * file makes it hang or balloon, the parent kills it and nothing else is lost. pdfjs is loaded
 * before the worker says it is ready.
 */
serveTasks(TASKS, loadPdfjs)
