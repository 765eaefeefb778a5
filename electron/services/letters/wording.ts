import { AppError } from '../../../shared/errors'
import { recordAudit } from '../library/audit'
import type { Executor, LibraryStore } from '../storage/library-store'
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
export async function userWording(db: Executor, name: string): Promise<LetterTemplate | null> {
  const row = await db
    .selectFrom('template_wording')
    .select('template')
    .where('name', '=', name)
    .executeTakeFirst()
  if (!row) return null
  const parsed = letterTemplateSchema.safeParse(JSON.parse(row.template))
  return parsed.success && unknownPlaceholders(parsed.data).length === 0 ? parsed.data : null
}

export async function getWording(db: Executor, name: string): Promise<Wording> {
  const original = loadTemplate(name)
  const copy = await userWording(db, name)
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
export async function saveWording(
  store: LibraryStore,
  name: string,
  paragraphs: string[] | null,
): Promise<Wording> {
  const original = loadTemplate(name)
  if (paragraphs === null) {
    return store.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('template_wording').where('name', '=', name).execute()
      await recordAudit(trx, 'edit', 'template', name, 'restore')
      return getWording(trx, name)
    })
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
  return store.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('template_wording')
      .values({ name, template: JSON.stringify(copy), updated_at: now() })
      .onConflict((oc) =>
        oc.column('name').doUpdateSet((eb) => ({
          template: eb.ref('excluded.template'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute()
    await recordAudit(trx, 'edit', 'template', name, 'wording')
    return getWording(trx, name)
  })
}
