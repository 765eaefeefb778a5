import { PDF_TIME_LIMIT_MS } from '../../../shared/limits'
import type { FileFacts } from '../files/facts'
import type { Inspected, InspectOptions } from '../files/inspect'
import type { RenderedPage, RenderOptions } from '../files/pdf'
import type { FillInput, TemplateStructure } from '../letters/template-pdf'
import type { FitPageInput, FitResult } from '../images'
import { fittingPool, workerPool } from './pool'
import type { FittingTaskInput } from './fitting-tasks'
import type { TaskInput } from './tasks'

/**
 * The decoders of untrusted files, each run in a worker process (pool.ts). A Buffer crosses the
 * channel as a Uint8Array; these wrappers hand callers Buffers again.
 */
const asBuffer = (data: Uint8Array): Buffer =>
  Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength)

/** The worker's own time limit fires first; the kill is the backstop for a blocked worker. */
const GRACE_MS = 2_000

/** The pool's default deadline, which one fitted page has always had. */
const FIT_DEADLINE_MS = 25_000

/** inspectFile in a worker: sniff, decode fully, report the facts, or refuse. */
export function inspectIsolated(bytes: Buffer, options: InspectOptions = {}): Promise<FileFacts> {
  return workerPool().run(
    'inspect',
    { bytes, options },
    { deadlineMs: (options.pdfTimeLimitMs ?? PDF_TIME_LIMIT_MS) + GRACE_MS },
  )
}

/** inspectForImport of a staged file in a worker: the facts and the list thumbnail, or a refusal. */
export async function inspectForImportIsolated(
  path: string,
  options: InspectOptions = {},
): Promise<Inspected> {
  const inspected = await workerPool().run(
    'inspectForImport',
    { path, options },
    { deadlineMs: (options.pdfTimeLimitMs ?? PDF_TIME_LIMIT_MS) + GRACE_MS },
  )
  return { ...inspected, thumbnail: asBuffer(inspected.thumbnail) }
}

/** makeThumbnail in a worker. */
export async function thumbnailIsolated(
  bytes: Buffer,
  format: FileFacts['format'],
  maxSide?: number,
  obscure = false,
): Promise<Buffer> {
  const input =
    maxSide === undefined ? { bytes, format, obscure } : { bytes, format, maxSide, obscure }
  return asBuffer(await workerPool().run('thumbnail', input))
}

/** renderPdfPages in a worker. */
export async function renderPdfIsolated(
  bytes: Buffer,
  options: RenderOptions = {},
): Promise<RenderedPage[]> {
  const pages = await workerPool().run(
    'renderPdf',
    { bytes, options },
    { deadlineMs: (options.timeLimitMs ?? PDF_TIME_LIMIT_MS) + GRACE_MS },
  )
  return pages.map((p) => ({ ...p, png: asBuffer(p.png) }))
}

/** A user template's pages and form fields, parsed in a worker. */
export function templateStructureIsolated(bytes: Buffer): Promise<TemplateStructure> {
  return workerPool().run('templateStructure', { bytes })
}

/** A user template filled and stripped of active content, in a worker. */
export async function fillTemplateIsolated(input: FillInput): Promise<Buffer> {
  return asBuffer(await workerPool().run('fillTemplate', input))
}

/** One export page fitted to its slot (decode, watermark, resize, encode) in a worker. */
export async function fitPageIsolated(input: FitPageInput): Promise<FitResult> {
  const result = await fittingPool().run('fitPage', input)
  return { ...result, data: asBuffer(result.data) }
}

/**
 * One page of a stored PDF rendered and fitted by the same worker: the rendered page never
 * crosses the channel, and each page is its own task, so the pool fits pages side by side.
 */
export async function fitPdfPageIsolated(
  input: FittingTaskInput<'fitPdfPage'>,
): Promise<FitResult> {
  const result = await fittingPool().run('fitPdfPage', input, {
    deadlineMs: PDF_TIME_LIMIT_MS + FIT_DEADLINE_MS + GRACE_MS,
  })
  return { ...result, data: asBuffer(result.data) }
}

/** A read line's picture, cut from its page in a worker (the page is an untrusted file). */
export async function cropLineIsolated(input: TaskInput<'cropLine'>): Promise<Buffer> {
  return asBuffer(await workerPool().run('cropLine', { ...input, image: input.image }))
}
