import type { Block, LetterTemplate } from './template-schema'

/**
 * Tighter settings tried, in order, when a letter runs onto a second page: a
 * one-page letter is easier to sign, seal and upload. Titles keep their size.
 */
export const DENSITIES = [
  { lineHeight: 1, gaps: 1, sizeDelta: 0 },
  { lineHeight: 0.96, gaps: 0.85, sizeDelta: 0 },
  { lineHeight: 0.92, gaps: 0.7, sizeDelta: 0 },
  { lineHeight: 0.89, gaps: 0.6, sizeDelta: -0.5 },
  { lineHeight: 0.86, gaps: 0.5, sizeDelta: -0.5 },
  { lineHeight: 0.83, gaps: 0.4, sizeDelta: -1 },
] as const

export type Density = (typeof DENSITIES)[number]

/** Never tighter than this line height: CJK lines need air to stay legible. */
const MIN_LINE_HEIGHT = 1.35

function condenseBlock(b: Block, d: Density): Block {
  switch (b.type) {
    case 'title':
      return { ...b, spaceAfter: b.spaceAfter * d.gaps }
    case 'fields':
      return { ...b, spaceAfter: b.spaceAfter * d.gaps }
    case 'paragraph':
      return {
        ...b,
        size: b.size === undefined ? undefined : b.size + d.sizeDelta,
        lineHeight:
          b.lineHeight === undefined
            ? undefined
            : Math.max(MIN_LINE_HEIGHT, b.lineHeight * d.lineHeight),
        spaceAfter: b.spaceAfter === undefined ? undefined : b.spaceAfter * d.gaps,
      }
    case 'table':
      return {
        ...b,
        size: b.size === undefined ? undefined : b.size + d.sizeDelta,
        spaceAfter: b.spaceAfter * d.gaps,
      }
    case 'signatures':
      return { ...b, spaceBefore: b.spaceBefore * d.gaps, rowGap: b.rowGap * d.gaps }
  }
}

export function condense(template: LetterTemplate, d: Density): LetterTemplate {
  const { style } = template
  return {
    ...template,
    style: {
      ...style,
      fontSize: style.fontSize + d.sizeDelta,
      lineHeight: Math.max(MIN_LINE_HEIGHT, style.lineHeight * d.lineHeight),
      paragraphSpacing: style.paragraphSpacing * d.gaps,
    },
    blocks: template.blocks.map((b) => condenseBlock(b, d)),
  }
}
