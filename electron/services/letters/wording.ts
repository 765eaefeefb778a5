import type { Database } from 'better-sqlite3'
import { AppError } from '../../../shared/errors'
import { audit } from '../library/audit'
import { now } from '../library/ids'
import { letterTemplateSchema, unknownPlaceholders, type LetterTemplate } from './template-schema'
import { loadTemplate } from './templates'

export interface Wording {
  name: string
  label: string
  /** The paragraphs' text, in order, as the letter will print them (placeholders in braces). */
  paragraphs: string[]
  /** The shipped wording, to compare and restore. */
  original: string[]
  edited: boolean
}

const paragraphsOf = (template: LetterTemplate): string[] =>
  template.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []))

/** The user's copy of a built-in template, if any (null when it no longer parses, e.g. after an update). */
export function userWording(db: Database, name: string): LetterTemplate | null {
  const row = db.prepare('SELECT template FROM template_wording WHERE name = ?').get(name) as
    { template: string } | undefined
  if (!row) return null
  const parsed = letterTemplateSchema.safeParse(JSON.parse(row.template))
  return parsed.success && unknownPlaceholders(parsed.data).length === 0 ? parsed.data : null
}

export function getWording(db: Database, name: string): Wording {
  const original = loadTemplate(name)
  const copy = userWording(db, name)
  return {
    name,
    label: original.label,
    paragraphs: paragraphsOf(copy ?? original),
    original: paragraphsOf(original),
    edited: copy !== null,
  }
}

/**
 * Save the user's wording as a copy of the built-in template (same layout,
 * their paragraph texts), or restore the original with `paragraphs: null`.
 * Placeholders must be ones the letter knows; a paragraph cannot be emptied.
 */
export function saveWording(db: Database, name: string, paragraphs: string[] | null): Wording {
  const original = loadTemplate(name)
  if (paragraphs === null) {
    db.prepare('DELETE FROM template_wording WHERE name = ?').run(name)
    audit(db, 'edit', 'template', name, 'restore')
    return getWording(db, name)
  }
  const count = paragraphsOf(original).length
  if (paragraphs.length !== count) {
    throw new AppError('INVALID_ARGUMENT', `该模板有 ${count} 段文字，请逐段修改`, 'paragraphs')
  }
  const empty = paragraphs.findIndex((p) => p.trim() === '')
  if (empty >= 0)
    throw new AppError('INVALID_ARGUMENT', `第 ${empty + 1} 段不能为空`, `paragraphs.${empty}`)
  let index = 0
  const copy: LetterTemplate = {
    ...original,
    blocks: original.blocks.map((block) => {
      if (block.type !== 'paragraph') return block
      const text = paragraphs[index++] ?? block.text
      return { ...block, text: text.trim() }
    }),
  }
  const unknown = unknownPlaceholders(copy)
  if (unknown.length > 0) {
    throw new AppError(
      'INVALID_ARGUMENT',
      `文字中有无法识别的占位符：${unknown.join('、')}（可用的占位符见原文，如 {grantor.name}、{grantee.name}、{validFrom}）`,
      'paragraphs',
    )
  }
  db.prepare(
    `INSERT INTO template_wording (name, template, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET template = excluded.template, updated_at = excluded.updated_at`,
  ).run(name, JSON.stringify(copy), now())
  audit(db, 'edit', 'template', name, 'wording')
  return getWording(db, name)
}
