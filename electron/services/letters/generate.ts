import type { Font } from '@cantoo/fontkit'
import { AppError } from '../../../shared/errors'
import { parseLetterData } from './data'
import { condense, DENSITIES, type Density } from './density'
import { describeCodePoint, firstMissingCharacter, loadFont } from './font'
import { layoutLetter } from './layout'
import { paginate } from './paginate'
import { createPdf, pagePainter } from './pdf'
import { cachedMeasure, type Measure } from './text-fit'
import type { LetterTemplate } from './template-schema'
import { loadTemplate } from './templates'
import { letterValues, type ValueOptions } from './values'

export interface GenerateLetterOptions extends ValueOptions {
  /** The user's edited copy of the built-in wording (wording.ts), used instead of the file. */
  template?: LetterTemplate
  /** Where resources (templates, font) are looked up: PACKETDESK_RESOURCES_DIR. */
  env?: NodeJS.ProcessEnv
}

const FIELD_LABELS: Record<string, string> = {
  'grantor.name': '授权方名称',
  'grantor.uscc': '授权方统一社会信用代码',
  'grantee.name': '被授权方名称',
  'grantee.uscc': '被授权方统一社会信用代码',
  template: '模板文字',
}

function fieldLabel(field: string): string {
  const mark = /^trademarks\.(\d+)\.(text|regNo)$/.exec(field)
  if (mark) return `第 ${Number(mark[1]) + 1} 个商标的${mark[2] === 'text' ? '文字' : '注册号'}`
  return FIELD_LABELS[field] ?? field
}

/** Refuse before writing anything: a missing glyph would print as an empty box. */
function assertPrintable(face: Font, field: string, text: string) {
  const missing = firstMissingCharacter(face, text)
  if (missing === null) return
  throw new AppError(
    'INVALID_ARGUMENT',
    `字体缺少字符“${missing}”（${describeCodePoint(missing)}），无法生成授权书：请修改${fieldLabel(field)}中的这个字符（例如改用通用规范汉字或常用写法）`,
    field,
  )
}

/**
 * A print-ready letter (A4, Noto Sans SC embedded as a subset, no form fields)
 * from a built-in template and the parties' data.
 */
export async function generateLetter(
  templateName: string,
  data: unknown,
  options: GenerateLetterOptions = {},
): Promise<Uint8Array> {
  const env = options.env ?? process.env
  const template = options.template ?? loadTemplate(templateName, env)
  const parsed = parseLetterData(data)
  const values = letterValues(template, parsed, options)
  const { bytes, face } = loadFont(env)
  for (const { field, text } of values.printed) assertPrintable(face, field, text)

  // The same advances pdf-lib writes into the PDF's width table (no kerning).
  const measure: Measure = cachedMeasure(
    (text) =>
      face.layout(text).glyphs.reduce((sum, g) => sum + g.advanceWidth, 0) / face.unitsPerEm,
  )
  const layoutAt = (density: Density) => {
    const layout = layoutLetter({
      template: condense(template, density),
      scalars: values.scalars,
      rows: values.rows,
      measure,
    })
    return { layout, pages: paginate(layout.items, layout.frame) }
  }
  const comfortable = layoutAt(DENSITIES[0])
  for (const text of comfortable.layout.texts) assertPrintable(face, 'template', text)
  // Tighten spacing only as far as it saves a page (ideally: down to one page).
  let chosen = comfortable
  for (const density of DENSITIES.slice(1)) {
    if (chosen.pages.length === 1) break
    const tighter = layoutAt(density)
    if (tighter.pages.length < chosen.pages.length) chosen = tighter
  }
  const { pages } = chosen

  const seed = JSON.stringify([template.name, template.version, parsed, options.parent ?? null])
  const { doc, font } = await createPdf(bytes, seed)
  doc.setTitle(template.label)
  doc.setLanguage('zh-CN')
  doc.setCreator('PacketDesk')
  doc.setProducer('PacketDesk')
  pages.forEach((placed, index) => {
    const page = doc.addPage([template.page.width, template.page.height])
    const painter = pagePainter(page, font)
    for (const { item, top } of placed) item.draw(painter, top)
    if (pages.length > 1) {
      // Page numbers only when a letter runs over: 第 1 页 共 2 页, centred in the bottom margin.
      const footer = `第 ${index + 1} 页 共 ${pages.length} 页`
      const size = 9
      const x = (template.page.width - measure(footer) * size) / 2
      painter.text(footer, x, template.page.margin.bottom / 2, size)
    }
  })
  return doc.save({ useObjectStreams: true })
}
