/**
 * The restriction the platform's reviewers expect on a copy of someone's identity document. Here,
 * away from sharp, so the export's process can key its output cache on it without loading sharp.
 */
export const ID_COPY_WATERMARK = '仅限小红书聚光平台资质认证使用'

/** The families librsvg asks fontconfig for; fonts-noto-cjk (Linux) or the OS's CJK font. */
export const WATERMARK_FONTS =
  "'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"

export interface WatermarkStyle {
  fill: string
  /** 0.25–0.35: visible on every part of the card, yet the number underneath stays readable. */
  opacity: number
}

/** Rotation of the text rows, degrees (negative: rising to the right, as stamps usually do). */
const ANGLE = -30

/**
 * An SVG the size of the image with `text` repeated in diagonal rows. Sizes follow the image's
 * short side so a 600 px card and a 4000 px scan look alike: the text is ~1/22 of the short side,
 * rows are 4.5 text heights apart and neighbouring rows are offset by half a period, so the marks
 * never line up into a solid band over one field of the card.
 */
export function watermarkSvg(
  width: number,
  height: number,
  text: string,
  style: WatermarkStyle,
): string {
  const fontSize = Math.max(14, Math.round(Math.min(width, height) / 22))
  const period = estimateTextWidth(text, fontSize) + fontSize * 3
  const rowGap = fontSize * 4.5
  // Rows are laid out over a square that covers the image whatever the rotation.
  const reach = Math.ceil(Math.hypot(width, height) / 2) + period
  const cx = width / 2
  const cy = height / 2
  const rows: string[] = []
  for (let row = 0, y = cy - reach; y <= cy + reach; row++, y += rowGap) {
    const shift = row % 2 === 0 ? 0 : period / 2
    for (let x = cx - reach - shift; x <= cx + reach; x += period) {
      rows.push(`<text x="${x.toFixed(1)}" y="${y.toFixed(1)}">${escapeXml(text)}</text>`)
    }
  }
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<g transform="rotate(${ANGLE} ${cx} ${cy})" fill="${style.fill}" fill-opacity="${style.opacity}"`,
    ` font-family="${WATERMARK_FONTS}" font-size="${fontSize}">`,
    ...rows,
    '</g></svg>',
  ].join('')
}

/** CJK glyphs are one em wide, Latin ones about half: close enough to space the repeats. */
function estimateTextWidth(text: string, fontSize: number): number {
  let ems = 0
  for (const char of text) ems += (char.codePointAt(0) ?? 0) > 0x2e7f ? 1 : 0.55
  return ems * fontSize
}

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}
