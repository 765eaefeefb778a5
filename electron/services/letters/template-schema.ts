import { z } from '../../../shared/zod-locale'
import { placeholderKeys, ROW_KEYS, SCALAR_KEYS } from './placeholders'

/** A4 in points. */
const A4 = { width: 595.28, height: 841.89 } as const

const points = z.number().nonnegative().max(1000)
const fontSize = z.number().min(4).max(72)
const align = z.enum(['left', 'center', 'right', 'justify'])

const titleBlock = z.object({
  type: z.literal('title'),
  text: z.string().min(1),
  size: fontSize.default(22),
  minSize: fontSize.default(14),
  /** Extra space between characters, in em (Chinese titles are often spaced out). */
  letterSpacing: z.number().min(0).max(2).default(0),
  spaceAfter: points.default(12),
})

const fieldsBlock = z.object({
  type: z.literal('fields'),
  rows: z.array(z.object({ label: z.string().min(1), value: z.string() })).min(1),
  /** Long values shrink to this size before they wrap (default: body size − 2). */
  minSize: fontSize.optional(),
  spaceAfter: points.default(10),
})

const paragraphBlock = z.object({
  type: z.literal('paragraph'),
  text: z.string().min(1),
  /** First-line indent in em: two characters is the Chinese norm. */
  indent: z.number().min(0).max(8).default(2),
  align: align.default('justify'),
  size: fontSize.optional(),
  /** Line height as a multiple of the size (default: the style's). */
  lineHeight: z.number().min(1).max(3).optional(),
  /** Keep on the same page as the next block (e.g. 特此授权 with the signatures). */
  keepWithNext: z.boolean().default(false),
  spaceAfter: points.optional(),
})

const tableBlock = z.object({
  type: z.literal('table'),
  rows: z.literal('{trademarks}'),
  /** Cell text size (default: body size − 1); long cells shrink to `minSize`, then wrap. */
  size: fontSize.optional(),
  minSize: fontSize.optional(),
  columns: z
    .array(
      z.object({
        header: z.string().min(1),
        cell: z.string().min(1),
        /** Relative width: the columns share the text width in these proportions. */
        width: z.number().positive(),
        align: z.enum(['left', 'center', 'right']).default('center'),
      }),
    )
    .min(1)
    .max(8),
  spaceAfter: points.default(10),
})

const signaturesBlock = z.object({
  type: z.literal('signatures'),
  /** Room above the block for seals and signatures. */
  spaceBefore: points.default(36),
  /** Vertical distance between rows: a seal (Ø 40 mm) spans about three rows. */
  rowGap: points.default(24),
  columns: z
    .array(
      z.object({
        /** A row without `value` is a blank line for a signature or a seal. */
        rows: z.array(z.object({ label: z.string().min(1), value: z.string().optional() })).min(1),
      }),
    )
    .min(1)
    .max(3),
})

const block = z.discriminatedUnion('type', [
  titleBlock,
  fieldsBlock,
  paragraphBlock,
  tableBlock,
  signaturesBlock,
])

export const letterTemplateSchema = z.object({
  format: z.literal('packetdesk-letter-template'),
  version: z.number().int().positive(),
  name: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  /** Shown to the user, e.g. 自然人授权书. */
  label: z.string().min(1),
  description: z.string().default(''),
  /** Which grantors the wording is for (RULES.md R9–R11). */
  grantor: z.object({
    kinds: z.array(z.enum(['person', 'company'])).min(1),
    regions: z.array(z.enum(['domestic', 'foreign'])).optional(),
  }),
  page: z
    .object({
      width: z.number().min(100).max(3000).default(A4.width),
      height: z.number().min(100).max(3000).default(A4.height),
      margin: z.object({ top: points, right: points, bottom: points, left: points }),
    })
    .refine((p) => p.margin.left + p.margin.right < p.width - 72, '页边距过大')
    .refine((p) => p.margin.top + p.margin.bottom < p.height - 144, '页边距过大'),
  style: z.object({
    fontSize: fontSize.default(12),
    minFontSize: fontSize.default(8),
    /** Line height as a multiple of the font size. */
    lineHeight: z.number().min(1).max(3).default(1.8),
    paragraphSpacing: points.default(4),
  }),
  blocks: z.array(block).min(1),
})

export type LetterTemplate = z.infer<typeof letterTemplateSchema>
export type Block = LetterTemplate['blocks'][number]
export type BlockOf<T extends Block['type']> = Extract<Block, { type: T }>

/** Texts of a block that may hold scalar placeholders. */
function scalarTexts(b: Block): string[] {
  switch (b.type) {
    case 'title':
    case 'paragraph':
      return [b.text]
    case 'fields':
      return b.rows.flatMap((r) => [r.label, r.value])
    case 'table':
      return b.columns.map((c) => c.header)
    case 'signatures':
      return b.columns.flatMap((c) => c.rows.flatMap((r) => [r.label, r.value ?? '']))
  }
}

/** Placeholders the template uses that no data provides (a typo in the JSON). */
export function unknownPlaceholders(template: LetterTemplate): string[] {
  const scalar = new Set<string>(SCALAR_KEYS)
  const row = new Set<string>(ROW_KEYS)
  const unknown = new Set<string>()
  for (const b of template.blocks) {
    for (const key of scalarTexts(b).flatMap(placeholderKeys)) {
      if (!scalar.has(key)) unknown.add(key)
    }
    if (b.type === 'table') {
      for (const key of b.columns.flatMap((c) => placeholderKeys(c.cell))) {
        if (!row.has(key)) unknown.add(key)
      }
    }
  }
  return [...unknown]
}
