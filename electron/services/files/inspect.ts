import type { FileFacts } from './facts'
import { MAX_IMPORT_BYTES } from '../../../shared/limits'
import { MESSAGES } from './messages'
import { inspectPdf } from './pdf-inspect'
import { inspectRaster, type Inspected } from './raster'
import { refuse } from './refuse'
import { sniffFormat } from './sniff'

export type { FileFacts, FileFormat } from './facts'
export type { Inspected } from './raster'

export interface InspectOptions {
  /** Only used to explain a refusal better; the format comes from the bytes. */
  fileName?: string
  /** Override PDF_TIME_LIMIT_MS (tests, or a slower export path). */
  pdfTimeLimitMs?: number
}

/**
 * Decide what a file is and whether PacketDesk can use it: sniff the type
 * from the bytes, decode it fully, and report its facts. Anything unusable
 * throws AppError('FILE_REJECTED') with the reason in Chinese.
 */
export async function inspectFile(bytes: Buffer, options: InspectOptions = {}): Promise<FileFacts> {
  return (await inspectForImport(bytes, options)).facts
}

/** inspectFile, with the list thumbnail made from the same decode (the import stores both). */
export async function inspectForImport(
  bytes: Buffer,
  options: InspectOptions = {},
): Promise<Inspected> {
  if (bytes.length === 0) throw refuse(MESSAGES.empty)
  if (bytes.length > MAX_IMPORT_BYTES) throw refuse(MESSAGES.tooLarge(bytes.length))
  const format = await sniffFormat(bytes, options.fileName)
  if (format === 'pdf') {
    return inspectPdf(
      bytes,
      options.pdfTimeLimitMs === undefined ? {} : { timeLimitMs: options.pdfTimeLimitMs },
    )
  }
  return inspectRaster(bytes, format)
}
