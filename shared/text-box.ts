/**
 * Where a template's text box puts its text (PDF points, origin bottom left): shared by the
 * filler (electron/services/letters/template-fill.ts) and the designer, which places a clicked
 * box so that the text's baseline lands on the clicked line (issue 13 item 11/12).
 */

export const TEXT_BOX_LINE_HEIGHT = 1.25
export const TEXT_BOX_MIN_SIZE = 6

/** CJK glyphs sit between about -0.12 and 0.88 em: the baseline below a line's top, in em. */
export const BASELINE_BELOW_LINE_TOP = (TEXT_BOX_LINE_HEIGHT - 1) / 2 + 0.88

/** The font size a box is filled at when the text fits: 60% of its height, 6–12 pt. */
export function preferredTextSize(boxHeight: number): number {
  return Math.max(TEXT_BOX_MIN_SIZE, Math.min(12, boxHeight * 0.6))
}

/** Space kept between the box's left edge and the text. */
export function textBoxPad(boxWidth: number): number {
  return Math.min(2, boxWidth / 10)
}

/** One line of text at `size`, centred vertically: its baseline's height above the box's bottom. */
export function baselineAboveBottom(
  boxHeight: number,
  size: number = preferredTextSize(boxHeight),
): number {
  const lineHeight = size * TEXT_BOX_LINE_HEIGHT
  const top = boxHeight - Math.max(0, (boxHeight - lineHeight) / 2)
  return top - size * BASELINE_BELOW_LINE_TOP
}
