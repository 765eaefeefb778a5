import type { Packet } from '../../../shared/library/schemas'
import { specOf } from '../../../shared/rules/requirement-derive'
import type { FitResult } from '../images'
import { fitPageIsolated } from '../workers/isolated'
import { sourcePages } from './source-pages'
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
}

/**
 * A stored document made compliant with its slot, page by page: the avatar an 800×800 JPEG
 * (first page of a PDF), everything else a JPEG/PNG within 1 MB, ID copies watermarked first.
 * fitToUpload / fitAvatar apply EXIF orientation and write no metadata.
 */
export async function* fitDocument(
  bytes: Buffer,
  document: StoredDocument,
  options: FitDocumentOptions,
): AsyncGenerator<FittedPage> {
  for await (const page of sourcePages(bytes, document.file)) {
    const spec = specOf(options.requirement)
    // Decoding a stored scan is decoding untrusted input: in a worker, with its limits.
    const result = await fitPageIsolated({
      image: page.image,
      ...(page.tiffPage === undefined ? {} : { tiffPage: page.tiffPage }),
      mode: spec?.fit === 'square' ? 'square' : 'upload',
      avatarFit: options.avatarFit,
      watermark: spec?.watermark === true && options.watermark,
    })
    if (spec?.fit === 'square') {
      yield { result, index: 0, count: 1 }
      return
    }
    yield { result, index: page.index, count: page.count }
  }
}
