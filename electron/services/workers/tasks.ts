import { readFile } from 'node:fs/promises'
import type { FileFacts } from '../files/facts'
import {
  inspectFile,
  inspectForImport,
  type Inspected,
  type InspectOptions,
} from '../files/inspect'
import { renderPdfPages, type RenderedPage, type RenderOptions } from '../files/pdf'
import { makeThumbnail } from '../files/thumbnail'
import { lineCrop, pagePixels, type Rotation } from '../reading/page-image'
import {
  fillTemplatePdf,
  templateStructure,
  type FillInput,
  type TemplateStructure,
} from '../letters/template-pdf'

/**
 * What runs in an isolated worker process (pool.ts): every decode of untrusted input — the
 * import's full inspection, thumbnails and page renders of stored files (the export's page fits:
 * fitting-tasks.ts). Each task takes and returns plain data (Buffers cross with the advanced
 * serialisation).
 */
export const TASKS = {
  inspect: (input: { bytes: Buffer; options: InspectOptions }): Promise<FileFacts> =>
    inspectFile(input.bytes, input.options),
  /**
   * The import's inspection: the facts and the list thumbnail from one decode, of the file the
   * import staged (read here: 50 MB of bytes need not cross the channel).
   */
  inspectForImport: async (input: { path: string; options: InspectOptions }): Promise<Inspected> =>
    inspectForImport(await readFile(input.path), input.options),
  thumbnail: (input: {
    bytes: Buffer
    format: FileFacts['format']
    maxSide?: number
    obscure?: boolean
  }): Promise<Buffer> =>
    makeThumbnail(input.bytes, { format: input.format }, input.maxSide, {
      obscure: input.obscure === true,
    }),
  renderPdf: (input: { bytes: Buffer; options: RenderOptions }): Promise<RenderedPage[]> =>
    renderPdfPages(input.bytes, input.options),
  templateStructure: (input: { bytes: Buffer }): Promise<TemplateStructure> =>
    templateStructure(input.bytes),
  fillTemplate: (input: FillInput): Promise<Uint8Array> => fillTemplatePdf(input),
  /** A line of a read page, as the OCR saw it upright (the check step's "扫描件显示 X"). */
  cropLine: async (input: {
    image: Buffer
    rotation: Rotation
    skew: number
    box: { x: number; y: number; width: number; height: number }
  }): Promise<Buffer> =>
    lineCrop(
      await pagePixels(input.image, { separateSeal: false }),
      input.rotation,
      input.skew,
      input.box,
    ),
}

type TaskName = keyof typeof TASKS
export type TaskInput<T extends TaskName> = Parameters<(typeof TASKS)[T]>[0]
