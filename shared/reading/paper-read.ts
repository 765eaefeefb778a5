import { z } from 'zod'
import { SCAN_KINDS, type ScanKind } from '../rules/scan-kinds'
import { classifyScan } from './classify'
import { extractFields } from './papers'
import { compact } from './text'

const boxSchema = z.object({
  x: z.number(),
  y: z.number(),
  width: z.number(),
  height: z.number(),
})

const lineSchema = z.object({ text: z.string(), confidence: z.number(), box: boxSchema })

const pageSchema = z.object({
  rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
  /** Degrees the page lay crooked, turned back before reading (boxes are on the straightened page). */
  skew: z.number().default(0),
  width: z.number(),
  height: z.number(),
  lines: z.array(lineSchema),
  sealSeparated: z.boolean(),
  colour: z.boolean(),
})

/**
 * What a scan says (issue 12): its kind, the fields read (normalised as RULES.md §4b compares
 * them), how sure each is, where each was read (for the check step's crop), and every line.
 */
export const paperReadSchema = z.object({
  kind: z.enum(SCAN_KINDS),
  /** 0…1: how clearly the lines that name the kind were read (0 for `unknown`). */
  kindConfidence: z.number(),
  fields: z.record(z.string(), z.string()),
  /** Fields read but not confirmed (a check digit that fails, a date that cannot exist). */
  unsure: z.array(z.string()),
  /** 0…1 per field: the recogniser's confidence on the line it came from, halved when unsure. */
  confidence: z.record(z.string(), z.number()),
  /** Where each field was read: page (0-based) and box on the upright page. */
  where: z.record(z.string(), z.object({ page: z.number().int(), box: boxSchema })),
  pages: z.array(pageSchema),
  /** Why nothing was read (an empty or unreadable page), in Chinese. */
  reason: z.string().optional(),
})
export type PaperRead = z.infer<typeof paperReadSchema>
export type PaperPage = z.infer<typeof pageSchema>

/** The lines of every page, in page order, with where each is. */
function allLines(pages: readonly PaperPage[]) {
  return pages.flatMap((page, index) => page.lines.map((line) => ({ ...line, page: index })))
}

/** How a field's value appears on a line: compact, and digits-only for dates. */
function appearsOn(line: string, value: string): boolean {
  const flat = compact(line).toUpperCase()
  const wanted = compact(value).toUpperCase()
  if (wanted.length > 0 && flat.includes(wanted.slice(0, Math.min(wanted.length, 24)))) return true
  const date = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value)
  if (!date) return false
  const digits = flat.replace(/\D+/gu, '')
  const [, y, m, d] = date
  return [`${y}${m}${d}`, `${y}${Number(m)}${Number(d)}`].some((form) => digits.includes(form))
}

/**
 * Pages' OCR lines → what the paper says: classify all lines together (an ID card's two sides
 * may be two pages), extract the kind's fields, and find each field's line for its confidence
 * and crop. Pure.
 */
export function assembleRead(pages: readonly PaperPage[], today: string): PaperRead {
  const lines = allLines(pages)
  const texts = lines.map((line) => line.text)
  const kind: ScanKind = classifyScan(texts)
  const extracted = extractFields(kind, texts, today)
  const fields: Record<string, string> = {}
  const confidence: Record<string, number> = {}
  const where: PaperRead['where'] = {}
  const mean =
    lines.length === 0 ? 0 : lines.reduce((sum, line) => sum + line.confidence, 0) / lines.length
  for (const [name, value] of Object.entries(extracted.fields)) {
    if (value === undefined) continue
    fields[name] = value
    // The last matching line: a notice's stamp date is its last date (R17).
    const line = [...lines].reverse().find((candidate) => appearsOn(candidate.text, value))
    const sure = !extracted.unsure.includes(name)
    const base = line?.confidence ?? mean
    confidence[name] = round(sure ? base : base / 2)
    if (line) where[name] = { page: line.page, box: line.box }
  }
  const read: PaperRead = {
    kind,
    kindConfidence: kind === 'unknown' ? 0 : round(mean),
    fields,
    unsure: [...new Set(extracted.unsure)],
    confidence,
    where,
    pages: [...pages],
  }
  if (lines.length === 0) read.reason = '扫描件上没有读到文字（空白页，或图像太模糊、太小）'
  return read
}

const round = (value: number): number => Math.round(value * 1000) / 1000
