import { MESSAGES } from '../files/messages'
import { renderPdfPages } from '../files/pdf'
import { refuse } from '../files/refuse'
import { fitPage, type FitPageInput } from '../images'
import { floorPage, type FloorPageInput } from '../images/floor-page'
import type { FitResult } from '../images'

/**
 * What the export's fitting workers run (fitting-child.ts): each page of an export made compliant
 * with its slot. Only these, so a fitting worker loads no template or letter code (pdf-lib and
 * its fonts were ~15 MB of the heap every GC marks) and parses nothing else.
 */
export const FITTING_TASKS = {
  fitPage: (input: FitPageInput): Promise<FitResult> => fitPage(input),
  /** Page `page` (0-based) of a stored PDF `image`, rendered as the import does, then fitted. */
  fitPdfPage: async (input: FitPageInput & { page: number }): Promise<FitResult> => {
    const { page, ...fit } = input
    const [rendered] = await renderPdfPages(input.image, { firstPage: page + 1, maxPages: 1 })
    // The stored page count comes from the import: a file cannot have lost pages since.
    if (!rendered) throw refuse(MESSAGES.undecodable('PDF'))
    return fitPage({ ...fit, image: rendered.png })
  },
  /**
   * The export bench's floor (bench/export.ts): one decode of a source and one encode of an
   * output page of the given format and size, with the app's own encoders — what no export of
   * that page can do without.
   */
  floorPage: async (input: FloorPageInput): Promise<number> => (await floorPage(input)).length,
}

export type FittingTaskInput<T extends keyof typeof FITTING_TASKS> = Parameters<
  (typeof FITTING_TASKS)[T]
>[0]
