import {
  acroFieldSchema,
  flatFieldSchema,
  type AcroTemplateField,
  type FlatTemplateField,
  type LetterTemplateDetail,
  type LetterTemplateSummary,
  type TemplateField,
} from '../../../shared/contract'
import type { LetterRecord } from '../../../shared/library/schemas'
import type { z } from '../../../shared/zod-locale'
import { AppError } from '../../../shared/errors'
import type { FileStore } from '../storage/file-store'
import type { Executor, LibraryStore } from '../storage/library-store'
import type { LetterTemplatesTable } from '../storage/tables'
import type { Selectable } from 'kysely'
import {
  fillTemplateIsolated,
  inspectIsolated,
  renderPdfIsolated,
  templateStructureIsolated,
} from '../workers/isolated'
import { refuse } from '../files/refuse'
import { recordAudit } from '../library/audit'
import { newId, now } from '../library/ids'
import { recordFileRow } from '../library/file-rows'
import { updateVersioned } from '../storage/versioned'
import { parseLetterData } from './data'
import { recordLetter, relationLetterData } from './records'
import { templateValues } from './template-fill'
import type { TemplateStructure } from './template-pdf'

/** The `template` a letter filled from a user template records. */
const userTemplateName = (id: string) => `user:${id}`

type TemplateRow = Selectable<LetterTemplatesTable>

async function rowOf(db: Executor, id: string): Promise<TemplateRow> {
  const row = await db
    .selectFrom('letter_templates')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', '找不到该模板（可能已被删除）。')
  return row
}

function fieldsOf(row: TemplateRow): TemplateField[] {
  return JSON.parse(row.fields) as TemplateField[]
}

function summary(row: TemplateRow): LetterTemplateSummary {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    pdfSha256: row.pdf_sha256,
    fieldCount: fieldsOf(row).length,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  }
}

async function detail(store: FileStore, row: TemplateRow): Promise<LetterTemplateDetail> {
  const structure = await templateStructureIsolated(await store.read(row.pdf_sha256))
  return {
    ...summary(row),
    pageCount: structure.pages.length,
    pages: structure.pages,
    acroFields: structure.acroFields,
    fields: fieldsOf(row),
  }
}

/** Newest first. */
export async function listUserTemplates(db: Executor): Promise<LetterTemplateSummary[]> {
  const rows = await db
    .selectFrom('letter_templates')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute()
  return rows.map(summary)
}

export async function getUserTemplate(
  db: Executor,
  files: FileStore,
  id: string,
): Promise<LetterTemplateDetail> {
  return detail(files, await rowOf(db, id))
}

/**
 * Import a PDF as a template: inspected like any import (encrypted, broken,
 * endless PDFs refused), only PDFs accepted, stored content-addressed.
 */
export async function importUserTemplate(
  store: LibraryStore,
  files: FileStore,
  input: { fileName: string; dataBase64: string },
): Promise<LetterTemplateDetail> {
  const bytes = Buffer.from(input.dataBase64, 'base64')
  const facts = await inspectIsolated(bytes, { fileName: input.fileName })
  if (facts.format !== 'pdf') {
    throw refuse(
      `模板必须是 PDF 文件，“${input.fileName.slice(0, 100)}”是 ${facts.format.toUpperCase()} 图片：请导入平台提供的 PDF 模板`,
    )
  }
  const structure = await templateStructureIsolated(bytes)
  const kind = structure.acroFields.length > 0 ? 'acroform' : 'flat'
  if (kind === 'flat' && structure.rotated) {
    throw refuse('该 PDF 含有旋转的页面，暂不能用作模板：请先在 PDF 软件中把页面转正并另存后再导入')
  }
  const stored = await files.put(bytes)
  const fileName = input.fileName.normalize('NFC').slice(0, 255)
  try {
    const row = await store.db.transaction().execute(async (trx) => {
      const at = now()
      await recordFileRow(trx, stored.sha256, facts, fileName)
      const id = newId('lt')
      const name = fileName.replace(/\.pdf$/iu, '').trim() || '模板'
      await trx
        .insertInto('letter_templates')
        .values({
          id,
          name: name.slice(0, 100),
          pdf_sha256: stored.sha256,
          kind,
          fields: '[]',
          created_at: at,
          updated_at: at,
          updated_by: store.actor,
        })
        .execute()
      await recordAudit(trx, 'create', 'letter_template', id, kind)
      return trx
        .selectFrom('letter_templates')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    })
    return {
      ...summary(row),
      pageCount: structure.pages.length,
      pages: structure.pages,
      acroFields: structure.acroFields,
      fields: [],
    }
  } catch (error) {
    if (!stored.existed) await files.remove(stored.sha256)
    throw error
  }
}

function invalid(message: string, field = 'fields'): AppError {
  return new AppError('INVALID_ARGUMENT', message, field)
}

/** Parse one field with its kind's schema, naming the box and the problem in Chinese. */
function parseField<T>(schema: z.ZodType<T>, value: unknown, index: number, what: string): T {
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  const key = issue?.path.map(String).join('.') ?? ''
  throw invalid(
    `第 ${index + 1} 个${what}无效${key ? `（${key}）` : ''}：${issue?.message ?? '格式不正确'}`,
    `fields.${index}${key ? `.${key}` : ''}`,
  )
}

const EPSILON = 0.5

function checkFlat(fields: unknown[], pages: TemplateStructure['pages']): FlatTemplateField[] {
  const ids = new Set<string>()
  return fields.map((value, i) => {
    const field = parseField(flatFieldSchema, value, i, '文本框')
    if (ids.has(field.id)) throw invalid(`第 ${i + 1} 个文本框的编号重复：${field.id}`)
    ids.add(field.id)
    const page = pages[field.page - 1]
    if (!page)
      throw invalid(`第 ${i + 1} 个文本框在第 ${field.page} 页，但模板只有 ${pages.length} 页`)
    if (
      field.x + field.width > page.width + EPSILON ||
      field.y + field.height > page.height + EPSILON
    ) {
      throw invalid(
        `第 ${i + 1} 个文本框超出了第 ${field.page} 页的范围（页面 ${page.width}×${page.height} pt，文本框 x=${field.x}, y=${field.y}, 宽 ${field.width}, 高 ${field.height}）`,
        `fields.${i}`,
      )
    }
    return field
  })
}

function checkAcro(fields: unknown[], acroFields: string[]): AcroTemplateField[] {
  const seen = new Set<string>()
  return fields.map((value, i) => {
    const field = parseField(acroFieldSchema, value, i, '字段映射')
    if (!acroFields.includes(field.fieldName)) {
      throw invalid(`模板 PDF 中没有名为“${field.fieldName}”的文本字段`, `fields.${i}.fieldName`)
    }
    if (seen.has(field.fieldName)) throw invalid(`字段“${field.fieldName}”映射了两次`)
    seen.add(field.fieldName)
    return field
  })
}

/** Save a template's name and fields, checked against its PDF (boxes inside pages, known fields). */
export async function saveUserTemplate(
  store: LibraryStore,
  files: FileStore,
  input: { id: string; name: string; fields: unknown[]; version?: number | undefined },
): Promise<LetterTemplateDetail> {
  const row = await rowOf(store.db, input.id)
  const structure = await templateStructureIsolated(await files.read(row.pdf_sha256))
  const name = input.name.normalize('NFC').trim()
  if (name === '') throw invalid('模板名称不能为空', 'name')
  const fields =
    row.kind === 'flat'
      ? checkFlat(input.fields, structure.pages)
      : checkAcro(input.fields, structure.acroFields)
  await store.db.transaction().execute(async (trx) => {
    await updateVersioned(trx, 'letter_templates', row.id, input.version, {
      name: name.slice(0, 100),
      fields: JSON.stringify(fields),
      updated_at: now(),
      updated_by: store.actor,
    })
    await recordAudit(trx, 'edit', 'letter_template', row.id, 'fields')
  })
  return detail(files, await rowOf(store.db, row.id))
}

/** One page of the template as a PNG data URL (1.5 px per point). */
export async function userTemplatePage(
  db: Executor,
  files: FileStore,
  id: string,
  page: number,
): Promise<{ dataUrl: string; width: number; height: number }> {
  const row = await rowOf(db, id)
  const bytes = await files.read(row.pdf_sha256)
  const [rendered] = await renderPdfIsolated(bytes, { scale: 1.5, firstPage: page, maxPages: 1 })
  if (!rendered) throw new AppError('INVALID_ARGUMENT', `该模板没有第 ${page} 页`, 'page')
  return {
    dataUrl: `data:image/png;base64,${rendered.png.toString('base64')}`,
    width: rendered.width,
    height: rendered.height,
  }
}

/**
 * Fill a template for a relation with the same data as its built-in letter,
 * and record the result like one (template `user:<id>`).
 */
export async function fillUserTemplate(
  store: LibraryStore,
  files: FileStore,
  input: { id: string; relationId: string; packetId?: string | undefined },
  today: string,
): Promise<LetterRecord> {
  const row = await rowOf(store.db, input.id)
  const built = await relationLetterData(store.db, input, today)
  const data = parseLetterData(built.data)
  const values = templateValues(data)
  const templatePdf = await files.read(row.pdf_sha256)
  const seed = JSON.stringify([row.id, row.updated_at, data])
  const fields = fieldsOf(row)
  // Parsed, filled and stripped of active content in a worker: the template is untrusted.
  const pdf = await fillTemplateIsolated({ kind: row.kind, templatePdf, fields, values, seed })
  return recordLetter(store, files, pdf, {
    relationId: built.relation.id,
    packetId: input.packetId,
    requirement: built.requirement,
    template: userTemplateName(row.id),
    validFrom: built.validFrom,
    validUntil: built.validUntil,
  })
}
