import { hasStampDate, lastDateLine } from '../../../shared/reading/papers'
import { assembleRead, type PaperPage, type PaperRead } from '../../../shared/reading/paper-read'
import type { FileFormat } from '../files/facts'
import { pageImages } from './page-source'
import { readPageIsolated } from './ocr-pool'

interface ReadProgress {
  /** Pages read so far, of `pages`. */
  page: number
  pages: number
}

export interface ReadOptions {
  /** Today (YYYY-MM-DD): an ID card's validity is judged against it. */
  today: string
  onProgress?: (progress: ReadProgress) => void
  /** Checked between pages: a cancelled read stops before its next page. */
  signal?: AbortSignal
}

/**
 * The band read enlarged as it is, then with its levels stretched: a grey seal lighter than the
 * print fades, the print under it stays (a seal as dark as the print stays unread: unsure).
 */
const SEAL_LEVELS = [
  { black: 0, white: 255 },
  { black: 30, white: 160 },
]

/**
 * Where to read a notice's stamp date again: around the line where a date was printed last
 * (the seal's line), else the page's lower half.
 */
function stampBand(page: PaperPage): { top: number; bottom: number } {
  const index = lastDateLine(page.lines.map((line) => line.text))
  const line = page.lines[index]
  if (index < 0 || !line || page.height === 0) return { top: 0.5, bottom: 1 }
  const margin = line.box.height * 2
  return {
    top: Math.max(0, (line.box.y - margin) / page.height),
    bottom: Math.min(1, (line.box.y + line.box.height + margin) / page.height),
  }
}

function stripPage(page: Awaited<ReturnType<typeof readPageIsolated>>): PaperPage {
  return {
    rotation: page.rotation,
    skew: page.skew,
    width: page.width,
    height: page.height,
    lines: page.lines,
    sealSeparated: page.sealSeparated,
    colour: page.colour,
  }
}

function cancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new Error('cancelled')
}

/**
 * Read a scan (issue 12): each of its first pages in the OCR worker (orientation found, a red
 * seal's ink separated), then what the paper says (shared/reading). A notice whose stamp date
 * was not read on a page without colour (its seal is grey, not red) has its foot read again
 * binarised, so the print is read around the grey seal.
 */
export async function readScan(
  bytes: Buffer,
  format: FileFormat,
  options: ReadOptions,
): Promise<PaperRead> {
  const images = await pageImages(bytes, format)
  const pages: PaperPage[] = []
  options.onProgress?.({ page: 0, pages: images.length })
  for (const image of images) {
    cancelled(options.signal)
    pages.push(stripPage(await readPageIsolated({ image })))
    options.onProgress?.({ page: pages.length, pages: images.length })
  }
  let read = assembleRead(pages, options.today)
  const last = pages.at(-1)
  const image = images.at(-1)
  if (hasStampDate(read.kind) && !read.fields.acceptanceDate && last && image) {
    cancelled(options.signal)
    const foot = await readPageIsolated({
      image,
      orientation: { rotation: last.rotation, skew: last.skew },
      around: { ...stampBand(last), levels: SEAL_LEVELS },
    })
    const rescued = { ...last, lines: [...last.lines, ...foot.lines] }
    read = assembleRead([...pages.slice(0, -1), rescued], options.today)
  }
  return read
}
