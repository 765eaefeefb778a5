import type { Packet } from '../../../shared/library/schemas'
import { specOf } from '../../../shared/rules/requirement-derive'
import type { FitResult } from '../images'
import { fitPageIsolated, fitPdfPageIsolated } from '../workers/isolated'
import { pageKey, type ExportCache, type PageSettings } from './output-cache'
import type { StoredDocument } from './select'

export interface FittedPage {
  result: FitResult
  /** 0-based page and the document's page count (1 for a single image). */
  index: number
  count: number
}

export interface FitDocumentOptions {
  requirement: string
  avatarFit: Packet['avatarFit']
  watermark: boolean
  /** Outputs of earlier exports (output-cache.ts); none: always fit. */
  cache?: ExportCache
  /** Enough pages are fitted at once to keep every worker busy (FitPageInput.crowded). */
  crowded?: boolean
}

/**
 * A stored document's output pages, one task each: the avatar an 800×800 JPEG (first page of a
 * PDF), everything else a JPEG/PNG within 1 MB, ID copies watermarked first. Each task takes the
 * page from the cache when an earlier export made it with the same settings, else fits it in a
 * worker — decoding a stored scan is decoding untrusted input — in one task per page (a PDF page
 * is rendered and fitted by the same worker), so the pool can run a document's pages side by
 * side. `read` gives the stored bytes (verified against their SHA-256): called once for the
 * document, by its first task to start and before the cache is asked, so a damaged or missing
 * original fails the export as before.
 */
export function pageTasks(
  read: () => Promise<Buffer>,
  document: StoredDocument,
  options: FitDocumentOptions,
): (() => Promise<FittedPage>)[] {
  const spec = specOf(options.requirement)
  const mode: PageSettings['mode'] = spec?.fit === 'square' ? 'square' : 'upload'
  const { format, sha256 } = document.file
  // The avatar is the first page only; a stored page count comes from the import.
  const count = mode === 'square' ? 1 : Math.max(1, document.file.pages)
  const watermark = mode === 'upload' && spec?.watermark === true && options.watermark
  const source = readOnce(read, count)
  return Array.from({ length: count }, (_, index) => async () => {
    const image = await source()
    const settings: PageSettings = {
      source: sha256,
      page: index,
      mode,
      avatarFit: options.avatarFit,
      watermark,
    }
    const key = pageKey(settings)
    const cached = await options.cache?.get(key, mode)
    if (cached) return { result: cached, index, count }
    const input = { image, mode, avatarFit: options.avatarFit, watermark, crowded: options.crowded }
    const result =
      format === 'pdf'
        ? await fitPdfPageIsolated({ ...input, page: index })
        : await fitPageIsolated(
            format === 'tiff' && count > 1 ? { ...input, tiffPage: index } : input,
          )
    options.cache?.keep(key, result)
    return { result, index, count }
  })
}

/** `read` called once for `uses` callers, and let go once each of them has it. */
function readOnce(read: () => Promise<Buffer>, uses: number): () => Promise<Buffer> {
  let pending: Promise<Buffer> | null = null
  let left = uses
  return () => {
    const bytes = pending ?? read()
    left -= 1
    pending = left > 0 ? bytes : null
    return bytes
  }
}

/** The document's output pages one after another (the avatar preview; tests). */
export async function* fitDocument(
  bytes: Buffer,
  document: StoredDocument,
  options: FitDocumentOptions,
): AsyncGenerator<FittedPage> {
  for (const task of pageTasks(() => Promise.resolve(bytes), document, options)) yield await task()
}
