/** One line of text the OCR read on an upright page, with where it is (pixels of that page). */
export interface OcrLine {
  text: string
  /** The recogniser's mean character probability, 0…1. */
  confidence: number
  box: { x: number; y: number; width: number; height: number }
}

/** What the OCR read on one page. */
export interface PageRead {
  /** Clockwise quarter turns applied to make the page upright (0/90/180/270). */
  rotation: 0 | 90 | 180 | 270
  /** Degrees (clockwise) the page lay crooked; it was turned back before reading. */
  skew: number
  /** The upright page's size in the pixels the boxes are in. */
  width: number
  height: number
  lines: OcrLine[]
  sealSeparated: boolean
  colour: boolean
  seconds: number
}

/** The library's line: text, mean probability, a four-point box. */
export interface RawLine {
  text: string
  mean: number
  box?: number[][] | undefined
}

/** Axis-aligned box of the library's four points (scaled back by `scale`). */
export function boxOf(
  points: number[][] | undefined,
  scale = 1,
): { x: number; y: number; width: number; height: number } {
  if (!points || points.length === 0) return { x: 0, y: 0, width: 0, height: 0 }
  const xs = points.map((p) => p[0] ?? 0)
  const ys = points.map((p) => p[1] ?? 0)
  const x = Math.min(...xs)
  const y = Math.min(...ys)
  return {
    x: Math.round(x * scale),
    y: Math.round(y * scale),
    width: Math.round((Math.max(...xs) - x) * scale),
    height: Math.round((Math.max(...ys) - y) * scale),
  }
}

/** Lines in reading order: top to bottom (by their middle), then left to right. */
export function inReadingOrder(lines: OcrLine[]): OcrLine[] {
  return [...lines].sort((a, b) => {
    const am = a.box.y + a.box.height / 2
    const bm = b.box.y + b.box.height / 2
    const tolerance = Math.min(a.box.height, b.box.height) / 2
    return Math.abs(am - bm) < tolerance ? a.box.x - b.box.x : am - bm
  })
}
