import fontkit from '@cantoo/fontkit'
import type { Font } from '@cantoo/fontkit'
import {
  PDFDocument,
  PDFName,
  PDFTextField,
  rgb,
  type PDFField,
  type PDFFont,
  type PDFPage,
} from '@cantoo/pdf-lib'
import {
  TEMPLATE_DATA_ITEMS,
  type AcroTemplateField,
  type FlatTemplateField,
  type TemplateDataItem,
} from '../../../shared/contract'
import { AppError } from '../../../shared/errors'
import { ID_DOCUMENT_LABELS, normalizeNumber } from '../../../shared/validators'
import type { LetterData } from './data'
import { describeCodePoint, firstMissingCharacter, loadFont } from './font'
import { subsetTag } from './pdf'
import { cachedMeasure, fitText, type Measure } from './text-fit'
import { chineseDate } from './values'
import {
  BASELINE_BELOW_LINE_TOP,
  preferredTextSize,
  TEXT_BOX_LINE_HEIGHT,
  TEXT_BOX_MIN_SIZE,
  textBoxPad,
} from '../../../shared/text-box'

/** The scope printed by the `scope` data item. */
const SCOPE_PHRASE = '在中国大陆地区全权代理该品牌的推广宣传活动'

function dataItemLabel(item: string): string {
  return TEMPLATE_DATA_ITEMS.find((i) => i.id === item)?.zh ?? item
}

const unique = (values: string[]) => Array.from(new Set(values))

/** Every data item's text for one letter; null where the parties have no such item. */
export function templateValues(data: LetterData): Record<TemplateDataItem, string | null> {
  const { grantor, grantee } = data
  const person = grantor.kind === 'person' ? grantor.idDocument : null
  const code = (value: string | undefined) => (value ? normalizeNumber(value) : null)
  return {
    'grantor.name': grantor.name,
    'grantor.idType': person ? ID_DOCUMENT_LABELS[person.type] : null,
    'grantor.idNumber': person ? normalizeNumber(person.number) : null,
    'grantor.uscc': grantor.kind === 'company' ? code(grantor.uscc) : null,
    'grantee.name': grantee.name,
    'grantee.uscc': code(grantee.uscc),
    'trademarks.text': data.trademarks.map((t) => t.text).join('、'),
    'trademarks.regNo': data.trademarks.map((t) => normalizeNumber(t.regNo)).join('、'),
    'trademarks.class': unique(data.trademarks.map((t) => `第${t.class}类`)).join('、'),
    scope: SCOPE_PHRASE,
    validFrom: chineseDate(data.validFrom),
    validUntil: chineseDate(data.validUntil),
    date: chineseDate(data.date),
  }
}

/** The text of one data item, refused when missing or not printable with the font. */
function printable(
  face: Font,
  values: Record<TemplateDataItem, string | null>,
  item: TemplateDataItem,
): string {
  const text = values[item]
  if (text === null || text === '') {
    throw new AppError(
      'INVALID_ARGUMENT',
      `该授权关系没有“${dataItemLabel(item)}”可填写（例如企业没有证件号码、境外企业没有统一社会信用代码）：请在模板中删除或更换这个文本框，或先在资料库补充`,
      item,
    )
  }
  const missing = firstMissingCharacter(face, text)
  if (missing !== null) {
    throw new AppError(
      'INVALID_ARGUMENT',
      `字体缺少字符“${missing}”（${describeCodePoint(missing)}），无法填写模板：请修改${dataItemLabel(item)}中的这个字符（例如改用通用规范汉字或常用写法）`,
      item,
    )
  }
  return text
}

interface Box {
  x: number
  y: number
  width: number
  height: number
}

const LINE_HEIGHT = TEXT_BOX_LINE_HEIGHT
const MIN_SIZE = TEXT_BOX_MIN_SIZE

/**
 * Write `text` into a box (PDF points, origin bottom left): the preferred size
 * if it fits, else smaller down to the minimum, else wrapped at the minimum.
 * Vertically centred while it fits, else from the top.
 */
function drawInBox(
  page: PDFPage,
  font: PDFFont,
  measure: Measure,
  text: string,
  box: Box,
  fontSize?: number,
) {
  const pad = textBoxPad(box.width)
  const preferred = fontSize ?? preferredTextSize(box.height)
  const minSize = Math.min(MIN_SIZE, preferred)
  const maxLines = Math.max(1, Math.floor(box.height / (preferred * LINE_HEIGHT)))
  const fitted = fitText(text, measure, {
    width: Math.max(1, box.width - 2 * pad),
    size: preferred,
    minSize,
    maxLines,
  })
  const lineHeight = fitted.size * LINE_HEIGHT
  const total = lineHeight * fitted.lines.length
  const top = box.y + box.height - Math.max(0, (box.height - total) / 2)
  fitted.lines.forEach((line, i) => {
    // CJK glyphs sit between about -0.12 and 0.88 em: centre that in the line (the designer places
    // a clicked box by the same numbers, shared/text-box.ts).
    const baseline = top - lineHeight * i - fitted.size * BASELINE_BELOW_LINE_TOP
    page.drawText(line, {
      x: box.x + pad,
      y: baseline,
      size: fitted.size,
      font,
      color: rgb(0, 0, 0),
    })
  })
}

/** Open a template PDF for writing, with Noto Sans SC embedded as a subset. */
async function openForFilling(templatePdf: Uint8Array, seed: string) {
  const { bytes, face } = loadFont()
  const doc = await PDFDocument.load(templatePdf, { updateMetadata: false })
  doc.registerFontkit(fontkit)
  const font = await doc.embedFont(bytes, {
    subset: true,
    customName: `${subsetTag(seed)}+NotoSansSC-Regular`,
  })
  // The same advances pdf-lib writes into the PDF's width table (no kerning).
  const measure: Measure = cachedMeasure(
    (text) =>
      face.layout(text).glyphs.reduce((sum, g) => sum + g.advanceWidth, 0) / face.unitsPerEm,
  )
  return { doc, font, face, measure }
}

function pageOfWidget(
  doc: PDFDocument,
  widget: ReturnType<PDFField['acroField']['getWidgets']>[number],
) {
  const pageRef = widget.P()
  const pages = doc.getPages()
  const direct = pages.find((p) => p.ref === pageRef)
  if (direct) return direct
  const ref = doc.context.getObjectRef(widget.dict)
  return ref ? doc.findPageForAnnotationRef(ref) : undefined
}

function hasAppearance(field: PDFField): boolean {
  return field.acroField.getWidgets().every((w) => {
    try {
      return w.getNormalAppearance() !== undefined
    } catch {
      return false
    }
  })
}

/**
 * Remove every form field: the mapped ones were drawn by us, the others keep
 * their own appearance when they have one. No AcroForm is left behind.
 */
function flattenForm(doc: PDFDocument, drawn: Set<string>) {
  const form = doc.getForm()
  for (const field of form.getFields()) {
    if (drawn.has(field.getName()) || !hasAppearance(field)) form.removeField(field)
  }
  if (form.getFields().length > 0) form.flatten({ updateFieldAppearances: false })
  doc.catalog.delete(PDFName.of('AcroForm'))
}

/**
 * What both kinds of template do first: refuse an empty mapping, check every
 * value's glyphs before anything is drawn, and open the PDF for filling.
 */
async function prepareFill(
  templatePdf: Uint8Array,
  fields: readonly { dataItem: TemplateDataItem }[],
  values: Record<TemplateDataItem, string | null>,
  seed: string,
  emptyMessage: string,
) {
  if (fields.length === 0) throw new AppError('INVALID_ARGUMENT', emptyMessage)
  const { face } = loadFont()
  const texts = fields.map((f) => printable(face, values, f.dataItem))
  return { texts, ...(await openForFilling(templatePdf, seed)) }
}

/** Fill a flat template's text boxes; coordinates are relative to each page's crop box. */
export async function fillFlatTemplate(
  templatePdf: Uint8Array,
  fields: FlatTemplateField[],
  values: Record<TemplateDataItem, string | null>,
  seed: string,
): Promise<Uint8Array> {
  const { texts, doc, font, measure } = await prepareFill(
    templatePdf,
    fields,
    values,
    seed,
    '该模板还没有放置任何文本框：请先在模板设计器中添加并保存',
  )
  const pages = doc.getPages()
  fields.forEach((field, i) => {
    const page = pages[field.page - 1]
    if (!page) throw new AppError('INVALID_ARGUMENT', `模板没有第 ${field.page} 页`)
    const crop = page.getCropBox()
    const box = {
      x: crop.x + field.x,
      y: crop.y + field.y,
      width: field.width,
      height: field.height,
    }
    drawInBox(page, font, measure, texts[i] ?? '', box, field.fontSize)
  })
  if (doc.catalog.has(PDFName.of('AcroForm'))) flattenForm(doc, new Set())
  return doc.save({ useObjectStreams: true })
}

/** Fill an AcroForm template: each mapped field's widgets get the text, then the form is flattened. */
export async function fillAcroTemplate(
  templatePdf: Uint8Array,
  fields: AcroTemplateField[],
  values: Record<TemplateDataItem, string | null>,
  seed: string,
): Promise<Uint8Array> {
  const { texts, doc, font, measure } = await prepareFill(
    templatePdf,
    fields,
    values,
    seed,
    '该模板还没有为任何表单字段选择数据项：请先在模板设计器中设置并保存',
  )
  const form = doc.getForm()
  const drawn = new Set<string>()
  fields.forEach((mapping, i) => {
    const field = form.getFieldMaybe(mapping.fieldName)
    if (!(field instanceof PDFTextField)) {
      throw new AppError(
        'INVALID_ARGUMENT',
        `模板 PDF 中找不到文本字段“${mapping.fieldName}”：请重新导入模板`,
      )
    }
    for (const widget of field.acroField.getWidgets()) {
      const page = pageOfWidget(doc, widget)
      if (!page) continue
      drawInBox(page, font, measure, texts[i] ?? '', widget.getRectangle())
    }
    drawn.add(mapping.fieldName)
  })
  flattenForm(doc, drawn)
  return doc.save({ useObjectStreams: true })
}
