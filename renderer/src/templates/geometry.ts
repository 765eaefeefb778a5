/**
 * Screen ↔ PDF conversions for the template designer. The page image is shown
 * scaled to its container; PDF points have their origin at the bottom left,
 * the screen at the top left.
 */
import { baselineAboveBottom, textBoxPad } from '../../../shared/text-box'

export interface PageSize {
  width: number
  height: number
}

export interface PdfBox {
  x: number
  y: number
  width: number
  height: number
}

const DEFAULT_BOX = { width: 180, height: 24 } as const

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value))
const round1 = (value: number) => Math.round(value * 10) / 10

/**
 * A new box placed ON the line the user clicked (`px`, `py`: pixels from the image's top-left;
 * `shown`: the image's displayed size): the text it will be filled with starts at the click and
 * sits with its baseline on the click's height — the filler's own numbers (shared/text-box.ts).
 * Moved back inside the page if it would stick out.
 */
export function boxAtClick(
  px: number,
  py: number,
  shown: { width: number; height: number },
  page: PageSize,
  size: { width: number; height: number } = DEFAULT_BOX,
): PdfBox {
  const width = Math.min(size.width, page.width)
  const height = Math.min(size.height, page.height)
  const left = (px / shown.width) * page.width - textBoxPad(width)
  const baseline = page.height - (py / shown.height) * page.height
  return {
    x: round1(clamp(left, 0, page.width - width)),
    y: round1(clamp(baseline - baselineAboveBottom(height), 0, page.height - height)),
    width,
    height,
  }
}

/** Where a box sits on the displayed image, in percent of its size (CSS left/top/width/height). */
export function boxToPercent(box: PdfBox, page: PageSize) {
  return {
    left: (box.x / page.width) * 100,
    top: ((page.height - box.y - box.height) / page.height) * 100,
    width: (box.width / page.width) * 100,
    height: (box.height / page.height) * 100,
  }
}

/** Whether a box lies within the page (what the backend checks on save). */
export function insidePage(box: PdfBox, page: PageSize): boolean {
  const e = 0.5
  return (
    box.x >= 0 &&
    box.y >= 0 &&
    box.width > 0 &&
    box.height > 0 &&
    box.x + box.width <= page.width + e &&
    box.y + box.height <= page.height + e
  )
}
