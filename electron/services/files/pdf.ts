import { createCanvas, type Canvas } from '@napi-rs/canvas'
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { PDF_RENDER_SCALE } from './limits'
import { MAX_IMPORT_PAGES, MAX_IMPORT_PIXELS, PDF_TIME_LIMIT_MS } from '../../../shared/limits'
import { MESSAGES } from './messages'
import { loadPdfjs, pdfjsAssets } from './pdfjs'
import { isRefusal, refuse } from './refuse'

export interface PdfLimits {
  /** A document of more pages is refused (never silently cut), naming the limit. Default MAX_IMPORT_PAGES. */
  maxPages?: number
  /** Opening plus all the work on the document must finish within this. */
  timeLimitMs?: number
}

export interface RenderedPage {
  png: Buffer
  width: number
  height: number
}

/**
 * An `/Encrypt` entry in a trailer or cross-reference stream dictionary. pdfjs
 * only complains when a user password is needed; a PDF locked with an owner
 * password opens silently, and we refuse both (see MESSAGES.pdfEncrypted).
 */
const ENCRYPT_ENTRY = /\/Encrypt\s*(?:\d+\s+\d+\s+R|<<)/

export function hasEncryptEntry(bytes: Buffer): boolean {
  return ENCRYPT_ENTRY.test(bytes.toString('latin1'))
}

function errorName(error: unknown): string | undefined {
  return error instanceof Error || (typeof error === 'object' && error !== null)
    ? (error as { name?: string }).name
    : undefined
}

function toRefusal(error: unknown): Error {
  if (isRefusal(error)) return error
  if (errorName(error) === 'PasswordException') return refuse(MESSAGES.pdfEncrypted)
  return refuse(MESSAGES.undecodable('PDF'))
}

/**
 * Open a PDF with pdfjs (no worker, no eval, image size capped), check
 * encryption and page count, run `work` within the time limit, and always
 * destroy the document. Every failure becomes a FILE_REJECTED refusal.
 */
export async function withPdfDocument<T>(
  bytes: Buffer,
  limits: PdfLimits,
  work: (doc: PDFDocumentProxy) => Promise<T>,
): Promise<T> {
  const maxPages = limits.maxPages ?? MAX_IMPORT_PAGES
  const timeLimitMs = limits.timeLimitMs ?? PDF_TIME_LIMIT_MS
  if (hasEncryptEntry(bytes)) throw refuse(MESSAGES.pdfEncrypted)
  const pdfjs = await loadPdfjs()
  const task = pdfjs.getDocument({
    // A copy: pdfjs may take over the buffer it is given.
    data: new Uint8Array(bytes),
    ...pdfjsAssets(),
    cMapPacked: true,
    // Embedded images larger than this are skipped instead of allocated (image bombs).
    maxImageSize: MAX_IMPORT_PIXELS,
    isEvalSupported: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  })
  const run = (async () => {
    const doc = await task.promise
    if ((await doc.getPermissions()) !== null) throw refuse(MESSAGES.pdfEncrypted)
    if (doc.numPages < 1) throw refuse(MESSAGES.pdfEmpty)
    if (doc.numPages > maxPages) throw refuse(MESSAGES.tooManyPages('PDF', doc.numPages))
    return work(doc)
  })()
  // The race below may leave `run` behind; it must not become an unhandled rejection.
  run.catch(() => undefined)
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(refuse(MESSAGES.pdfTimeout(timeLimitMs)))
    }, timeLimitMs)
  })
  try {
    return await Promise.race([run, timeout])
  } catch (error) {
    throw toRefusal(error)
  } finally {
    clearTimeout(timer)
    await task.destroy()
  }
}

/** A page's pixel size at `scale`, refused when over the pixel limit. */
export function pageSize(page: PDFPageProxy, scale: number): { width: number; height: number } {
  const viewport = page.getViewport({ scale })
  const width = Math.max(1, Math.round(viewport.width))
  const height = Math.max(1, Math.round(viewport.height))
  if (width * height > MAX_IMPORT_PIXELS) throw refuse(MESSAGES.pdfPageTooLarge(width, height))
  return { width, height }
}

/** Render one page on a white canvas (pages have no transparency for our purposes). */
export async function renderPage(page: PDFPageProxy, scale: number): Promise<Canvas> {
  const { width, height } = pageSize(page, scale)
  const viewport = page.getViewport({ scale })
  const canvas = createCanvas(width, height)
  await page.render({ canvas, viewport, background: '#ffffff' }).promise
  page.cleanup()
  return canvas
}

export interface RenderOptions {
  /** Default PDF_RENDER_SCALE (144 dpi). */
  scale?: number
  /** First page to render, 1-based (default 1). */
  firstPage?: number
  /** How many pages to render from `firstPage` (default: all the rest). */
  maxPages?: number
  /** Default PDF_TIME_LIMIT_MS; an export of many pages may need more. */
  timeLimitMs?: number
}

/**
 * Rasterise pages to PNG, page by page. Refuses, like the import, encrypted
 * PDFs, documents of more than MAX_IMPORT_PAGES pages and documents that take longer
 * than `timeLimitMs`. A `firstPage` past the end gives an empty list.
 */
export async function renderPdfPages(
  bytes: Buffer,
  options: RenderOptions = {},
): Promise<RenderedPage[]> {
  const scale = options.scale ?? PDF_RENDER_SCALE
  const firstPage = Math.max(1, Math.floor(options.firstPage ?? 1))
  const limits = options.timeLimitMs === undefined ? {} : { timeLimitMs: options.timeLimitMs }
  return withPdfDocument(bytes, limits, async (doc) => {
    const lastPage = Math.min(doc.numPages, firstPage - 1 + (options.maxPages ?? doc.numPages))
    const pages: RenderedPage[] = []
    for (let number = firstPage; number <= lastPage; number++) {
      const canvas = await renderPage(await doc.getPage(number), scale)
      pages.push({ png: await canvas.encode('png'), width: canvas.width, height: canvas.height })
    }
    return pages
  })
}

/** Scale at which the page's long side is `longSide` pixels. */
export function scaleForLongSide(page: PDFPageProxy, longSide: number): number {
  const { width, height } = page.getViewport({ scale: 1 })
  return longSide / Math.max(width, height, 1)
}

/** The first page only, with its long side `longSide` pixels (thumbnails). */
export async function renderFirstPdfPage(
  bytes: Buffer,
  longSide: number,
  limits: PdfLimits = {},
): Promise<RenderedPage> {
  return withPdfDocument(bytes, limits, async (doc) => {
    const page = await doc.getPage(1)
    const canvas = await renderPage(page, scaleForLongSide(page, longSide))
    return { png: await canvas.encode('png'), width: canvas.width, height: canvas.height }
  })
}
