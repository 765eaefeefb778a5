import { safeText } from '../text'
import { z } from '../zod-locale'

/** How the entry was researched (shown to users next to every industry). */
const CONFIDENCES = ['platform-stated', 'other-platform', 'law-practice', 'user'] as const
export type Confidence = (typeof CONFIDENCES)[number]

export const CONFIDENCE_LABELS: Record<Confidence, { zh: string; en: string }> = {
  'platform-stated': {
    zh: '小红书公告（经媒体转述）',
    en: 'Xiaohongshu announcement (as reported by the press)',
  },
  'other-platform': { zh: '参考其他广告平台资料', en: 'From other ad platforms’ rules' },
  'law-practice': {
    zh: '依据法规与通行做法推断，需核实',
    en: 'Inferred from law and common practice; verify',
  },
  user: { zh: '用户自定义', en: 'Your own entry' },
}

/** Short forms for badges; the full label goes in a tooltip. */
export const CONFIDENCE_SHORT: Record<Confidence, { zh: string; en: string }> = {
  'platform-stated': { zh: '平台公告', en: 'Platform notice' },
  'other-platform': { zh: '参考他平台', en: 'Other platforms' },
  'law-practice': { zh: '法规推断·需核实', en: 'Inferred · verify' },
  user: { zh: '用户自定义', en: 'Your own' },
}

/**
 * Bounds of one entry (the user can edit the catalog): every plan reads it, so a 10 MB name or
 * 200,000 keywords would slow every plan and bloat the audit log. The shipped catalog uses a
 * fraction of each.
 */
const catalogDocumentSchema = z.object({
  name: safeText().min(1).max(100),
  required: z.boolean(),
  note: safeText().max(1000).optional(),
  sources: z.array(safeText().max(200)).max(20).optional(),
})

export const industryEntrySchema = z.object({
  primary: safeText().min(1).max(50),
  secondary: safeText().min(1).max(100),
  documents: z.array(catalogDocumentSchema).max(30),
  scopeKeywords: z.array(safeText().min(1).max(50)).max(100),
  confidence: z.enum(CONFIDENCES),
  restriction: safeText().max(2000).optional(),
})

export const catalogSchema = z.object({
  format: z.literal(1),
  catalogVersion: z.string(),
  starter: z.boolean(),
  description: z.string().optional(),
  notes: z.string().optional(),
  sources: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      url: z.string().optional(),
      kind: z.string().optional(),
      retrieved: z.boolean().optional(),
      reliability: z.string().optional(),
    }),
  ),
  industries: z.array(industryEntrySchema),
  specialRules: z
    .array(
      z.object({ rule: z.string(), detail: z.string(), sources: z.array(z.string()).optional() }),
    )
    .optional(),
})

export type IndustryEntry = z.infer<typeof industryEntrySchema>
export type IndustryCatalog = z.infer<typeof catalogSchema>

/** The subject of an industry requirement: `PRIMARY/SECONDARY` (RULES.md §3). */
export function industrySubject(primary: string, secondary: string): string {
  return `${primary}/${secondary}`
}

export function findIndustry(
  catalog: IndustryCatalog,
  primary: string,
  secondary: string,
): IndustryEntry | undefined {
  return catalog.industries.find((e) => e.primary === primary && e.secondary === secondary)
}
