/**
 * The image service the export uses (run in a worker: workers/fitting-tasks.ts); everything else
 * in this folder is its machinery.
 */
export { fitPage, type FitPageInput } from './fit-page'
export type { FitResult } from './types'
