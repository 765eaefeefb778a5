import { PDFDict, PDFDocument, PDFName, PDFTextField } from '@cantoo/pdf-lib'
import type {
  AcroTemplateField,
  FlatTemplateField,
  TemplateDataItem,
  TemplateField,
} from '../../../shared/contract'
import { refuse } from '../files/refuse'
import { fillAcroTemplate, fillFlatTemplate } from './template-fill'

/**
 * The parts of user-template handling that parse the user's PDF with pdf-lib. They run in a
 * worker process (workers/tasks.ts): a template can be as hostile as any imported file.
 */

/** More indirect objects than any letter template has: a template built to exhaust memory. */
const MAX_TEMPLATE_OBJECTS = 50_000

export interface TemplateStructure {
  pages: { width: number; height: number }[]
  acroFields: string[]
  rotated: boolean
}

const round = (n: number) => Math.round(n * 100) / 100

async function loadTemplate(bytes: Uint8Array): Promise<PDFDocument> {
  let doc: PDFDocument
  try {
    // preserveXFA: pdf-lib would otherwise drop it silently, and we must see it to refuse it.
    doc = await PDFDocument.load(bytes, { updateMetadata: false, preserveXFA: true })
  } catch {
    throw refuse('无法读取该 PDF 的页面结构，不能用作模板：请用其他软件另存为 PDF 后再导入')
  }
  if (doc.context.enumerateIndirectObjects().length > MAX_TEMPLATE_OBJECTS) {
    throw refuse('该 PDF 内部结构异常庞大，不能用作模板：请用其他软件另存为普通 PDF 后再导入')
  }
  if (doc.isEncrypted) throw refuse('该 PDF 已加密，不能用作模板：请先去除密码保护再导入')
  // XFA forms are programs, not pages: the filled letter must carry no active content.
  const acroForm = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict)
  if (acroForm?.has(PDFName.of('XFA'))) {
    throw refuse(
      '该 PDF 是 XFA 动态表单，不能用作模板：请用 PDF 软件另存为普通（静态）PDF 后再导入',
    )
  }
  return doc
}

/** Page sizes (crop boxes, in points) and the AcroForm's text fields. */
export async function templateStructure(bytes: Uint8Array): Promise<TemplateStructure> {
  const doc = await loadTemplate(bytes)
  const pages = doc.getPages()
  const acroFields = doc.catalog.getAcroForm()
    ? doc
        .getForm()
        .getFields()
        .filter((f) => f instanceof PDFTextField)
        .map((f) => f.getName())
    : []
  return {
    pages: pages.map((p) => {
      const crop = p.getCropBox()
      return { width: round(crop.width), height: round(crop.height) }
    }),
    acroFields,
    rotated: pages.some((p) => p.getRotation().angle % 360 !== 0),
  }
}

/**
 * The filled letter as a fresh document holding only the pages' content: no /OpenAction, no
 * document JavaScript, no embedded files, no XFA, no form, and no page annotations or actions
 * (a /Launch or /URI link, a /SubmitForm) — a letter that prints a full ID number must not
 * run anything when opened.
 */
async function withoutActiveContent(filled: Uint8Array): Promise<Uint8Array> {
  const source = await PDFDocument.load(filled, { updateMetadata: false })
  const clean = await PDFDocument.create({ updateMetadata: false })
  const pages = await clean.copyPages(source, source.getPageIndices())
  for (const page of pages) {
    page.node.delete(PDFName.of('Annots'))
    page.node.delete(PDFName.of('AA'))
    clean.addPage(page)
  }
  return clean.save({ useObjectStreams: true })
}

export interface FillInput {
  kind: 'flat' | 'acroform'
  templatePdf: Uint8Array
  fields: TemplateField[]
  values: Record<TemplateDataItem, string | null>
  seed: string
}

/** Fill a user template and strip it of active content. */
export async function fillTemplatePdf(input: FillInput): Promise<Uint8Array> {
  await loadTemplate(input.templatePdf)
  const filled =
    input.kind === 'flat'
      ? await fillFlatTemplate(
          input.templatePdf,
          input.fields as FlatTemplateField[],
          input.values,
          input.seed,
        )
      : await fillAcroTemplate(
          input.templatePdf,
          input.fields as AcroTemplateField[],
          input.values,
          input.seed,
        )
  return withoutActiveContent(filled)
}
