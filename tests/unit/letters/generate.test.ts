import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PDFDocument, PDFName } from '@cantoo/pdf-lib'
import { beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/errors'
import { generateLetter, listTemplates } from '../../../electron/services/letters'
import { PROJECT_ROOT } from '../../helpers/cli'
import {
  compactText,
  inkRatio,
  pageCount,
  pdffonts,
  pdftotext,
  pixelDifference,
  renderPages,
  wordBoxes,
} from '../../helpers/pdf-tools'
import {
  companyData,
  GRANTEE,
  personData,
  residentId,
  SAMPLES,
  TRADEMARKS,
  withoutGrantee,
} from './fixtures'

const SCREENSHOTS = join(PROJECT_ROOT, 'test-results', 'screenshots', 'letters')

interface Margin {
  top: number
  right: number
  bottom: number
  left: number
}

function marginOf(template: string): Margin {
  const file = join(PROJECT_ROOT, 'resources', 'templates', `${template}.v1.json`)
  return (JSON.parse(readFileSync(file, 'utf8')) as { page: { margin: Margin } }).page.margin
}

/** Every word lies within the text frame horizontally and on the page vertically. */
function expectInsideFrame(pdf: Uint8Array, template: string): void {
  const margin = marginOf(template)
  const words = wordBoxes(pdf)
  expect(words.length).toBeGreaterThan(20)
  for (const w of words) {
    expect(w.xMin, w.text).toBeGreaterThanOrEqual(margin.left - 1)
    expect(w.xMax, w.text).toBeLessThanOrEqual(w.pageWidth - margin.right + 1)
    expect(w.yMin, w.text).toBeGreaterThanOrEqual(margin.top / 2)
    expect(w.yMax, w.text).toBeLessThanOrEqual(w.pageHeight - margin.bottom / 4)
  }
}

async function expectRefused(
  promise: Promise<unknown>,
  code: string,
  field: string | undefined,
): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(AppError)
  const appError = error as AppError
  expect(appError.code).toBe(code)
  if (field !== undefined) expect(appError.field).toBe(field)
  return appError
}

describe('built-in templates', () => {
  it('lists the four letters', () => {
    const names = listTemplates().map((t) => t.name)
    expect(names).toEqual([
      'company-to-company',
      'general-agency',
      'parent-subsidiary',
      'person-to-company',
    ])
    const person = listTemplates().find((t) => t.name === 'person-to-company')
    expect(person).toMatchObject({ version: 1, label: '自然人授权书', grantorKinds: ['person'] })
  })
})

describe.each(Object.keys(SAMPLES))('letter %s', (template) => {
  const data = SAMPLES[template]
  let pdf: Uint8Array

  beforeAll(async () => {
    pdf = await generateLetter(template, data)
  })

  it('prints the parties, the trademarks and the period', () => {
    const text = compactText(pdf)
    expect(text).toContain(data?.grantor.name.replace(/\s+/g, ''))
    expect(text).toContain(GRANTEE.name)
    expect(text).toContain(GRANTEE.uscc)
    for (const t of TRADEMARKS) {
      expect(text).toContain(t.text)
      expect(text).toContain(t.regNo)
    }
    expect(text).toContain('2026年11月28日')
    expect(text).toContain('2027年11月27日')
  })

  it('embeds its only font as a subset', () => {
    const fonts = pdffonts(pdf)
    expect(fonts.length).toBeGreaterThan(0)
    for (const font of fonts) {
      expect(font, font.name).toMatchObject({ emb: true, sub: true, uni: true })
      expect(font.name).toMatch(/^[A-Z]{6}\+NotoSansSC-Regular$/)
    }
  })

  it('renders the same without system fonts, and the text is really drawn', () => {
    mkdirSync(SCREENSHOTS, { recursive: true })
    const off = renderPages(pdf, {
      dpi: 60,
      systemFonts: false,
      pngPrefix: join(SCREENSHOTS, template),
    })
    const on = renderPages(pdf, { dpi: 60 })
    expect(off.pages).toHaveLength(1)
    const [offPage] = off.pages
    const [onPage] = on.pages
    if (!offPage || !onPage) throw new Error('no page rendered')
    expect(pixelDifference(offPage, onPage)).toBeLessThan(0.001)
    // Title and body text regions carry ink.
    const margin = marginOf(template)
    const width = 595.28 - margin.left - margin.right
    expect(
      inkRatio(offPage, { x: margin.left, y: margin.top, width, height: 30 }, 60),
    ).toBeGreaterThan(0.02)
    expect(
      inkRatio(offPage, { x: margin.left, y: margin.top + 80, width, height: 200 }, 60),
    ).toBeGreaterThan(0.02)
  })

  it('is one small, flat A4 page inside its margins', async () => {
    expect(pdf.length).toBeLessThan(100_000)
    expect(pageCount(pdf)).toBe(1)
    const doc = await PDFDocument.load(pdf)
    const [page] = doc.getPages()
    expect(page?.getSize()).toEqual({ width: 595.28, height: 841.89 })
    // Flattened: no form fields anywhere.
    expect(doc.catalog.get(PDFName.of('AcroForm'))).toBeUndefined()
    expectInsideFrame(pdf, template)
  })
})

describe('what a letter states', () => {
  it('prints the normalised resident ID number and its type', async () => {
    const number = residentId('44030419850615123')
    const spaced = `${number.slice(0, 6)} ${number.slice(6, 14)} ${number.slice(14).toLowerCase()}`
    const pdf = await generateLetter(
      'person-to-company',
      personData('张伟', { type: 'resident_id', number: spaced }),
    )
    const text = compactText(pdf)
    expect(text).toContain(`证件号码：${number}`)
    expect(text).toContain('居民身份证')
  })

  it('prints a passport number in upper case without spaces', async () => {
    const pdf = await generateLetter(
      'person-to-company',
      personData('John Michael Smith', { type: 'passport', number: 'e 1234 5678' }),
    )
    const text = compactText(pdf)
    expect(text).toContain('E12345678')
    expect(text).toContain('护照')
    // The foreign name keeps its spaces.
    expect(pdftotext(pdf)).toContain('John Michael Smith')
  })

  it('prints traditional characters and rare surnames', async () => {
    for (const name of ['鄧麗君', '龔鑫', '張偉', '禤靖堃', '亓官赟']) {
      const pdf = await generateLetter('person-to-company', personData(name))
      expect(compactText(pdf)).toContain(name)
      const off = renderPages(pdf, { dpi: 60, systemFonts: false }).pages[0]
      const on = renderPages(pdf, { dpi: 60 }).pages[0]
      if (!off || !on) throw new Error('no page rendered')
      expect(pixelDifference(off, on)).toBeLessThan(0.001)
    }
  })

  it('names the parent company as asked', async () => {
    const data = companyData('甲集团有限公司', 'domestic', null)
    const text = compactText(await generateLetter('parent-subsidiary', data, { parent: 'grantee' }))
    // No USCC for the grantor: the optional part is left out, not printed blank.
    expect(text).toContain(
      `${GRANTEE.name}（统一社会信用代码：${GRANTEE.uscc}）为甲集团有限公司的母公司`,
    )
  })

  it('prints English dates in the general agency letter', async () => {
    const text = compactText(await generateLetter('general-agency', SAMPLES['general-agency']))
    expect(text).toContain('from28November2026to27November2027')
  })
})

describe('long texts', () => {
  const longGrantor =
    '深圳市前海深港现代服务业合作区某某某某某某某某某某某某某某某某某某某某国际品牌管理集团股份有限公司'
  const longGrantee =
    '上海市浦东新区张江高科技园区某某某某某某某某某某某某某某某某某某某某国际广告传媒股份有限公司第一分公司'

  it('shrinks and wraps 60+ character names, staying on one page inside the margins', async () => {
    expect(longGrantor.length).toBeGreaterThan(45)
    expect(longGrantee.length).toBeGreaterThan(45)
    const data = {
      ...companyData(`${longGrantor}（有限合伙）`),
      grantee: { name: longGrantee },
      trademarks: [
        ...TRADEMARKS,
        {
          text: '一个非常非常长的商标名称用来测试表格单元格的收缩与换行',
          regNo: '34567890',
          class: 3,
        },
        { text: 'A VERY LONG LATIN TRADEMARK NAME FOR WRAPPING', regNo: 'G1234567', class: 9 },
      ],
    }
    const pdf = await generateLetter('company-to-company', data)
    const text = compactText(pdf)
    expect(text).toContain(`${longGrantor}（有限合伙）`)
    expect(text).toContain(longGrantee)
    expect(text).toContain('AVERYLONGLATINTRADEMARKNAMEFORWRAPPING')
    expect(pageCount(pdf)).toBe(1)
    expectInsideFrame(pdf, 'company-to-company')
    expect(pdf.length).toBeLessThan(100_000)
  })

  it('runs onto more pages when it must, with page numbers and the table header repeated', async () => {
    const trademarks = Array.from({ length: 40 }, (_, i) => ({
      text: `品牌${i + 1}`,
      regNo: String(10000000 + i),
      class: (i % 45) + 1,
    }))
    const pdf = await generateLetter('company-to-company', { ...companyData(), trademarks })
    const pages = pageCount(pdf)
    expect(pages).toBeGreaterThan(1)
    const text = compactText(pdf)
    expect(text).toContain(`第1页共${pages}页`)
    // Every page that carries table rows starts them with the header.
    for (let page = 1; page <= pages; page++) {
      const pageText = pdftotext(pdf, { page }).replace(/\s+/gu, '')
      if (pageText.includes('品牌'))
        expect(pageText, `page ${page}`).toContain('序号商标注册号类别')
    }
    expect(text).toContain('品牌40')
    expectInsideFrame(pdf, 'company-to-company')
  })
})

describe('refusals', () => {
  it('refuses an invalid resident ID number, naming the field and R11', async () => {
    const number = residentId()
    const wrongCheck = number.slice(0, 17) + (number.endsWith('0') ? '1' : '0')
    const error = await expectRefused(
      generateLetter(
        'person-to-company',
        personData('张伟', { type: 'resident_id', number: wrongCheck }),
      ),
      'INVALID_ARGUMENT',
      'grantor.idDocument.number',
    )
    expect(error.message).toContain('R11')
    expect(error.message).not.toContain(wrongCheck)
  })

  it('refuses a character the font lacks, naming it', async () => {
    const emoji = await expectRefused(
      generateLetter('person-to-company', personData('张伟😀')),
      'INVALID_ARGUMENT',
      'grantor.name',
    )
    expect(emoji.message).toContain('字体缺少字符“😀”（U+1F600）')
    const rare = await expectRefused(
      generateLetter('company-to-company', {
        ...companyData(),
        trademarks: [{ text: '\u{2A6D6}牌', regNo: '1234', class: 3 }],
      }),
      'INVALID_ARGUMENT',
      'trademarks.0.text',
    )
    expect(rare.message).toContain('U+2A6D6')
  })

  it('allows a person grantor only with person-to-company', async () => {
    for (const template of ['company-to-company', 'general-agency', 'parent-subsidiary']) {
      await expectRefused(
        generateLetter(template, personData()),
        'INVALID_ARGUMENT',
        'grantor.kind',
      )
    }
    await expectRefused(
      generateLetter('person-to-company', companyData()),
      'INVALID_ARGUMENT',
      'grantor.kind',
    )
  })

  it('wants a foreign grantor for a general agency (R10)', async () => {
    await expectRefused(
      generateLetter('general-agency', companyData()),
      'INVALID_ARGUMENT',
      'grantor.region',
    )
  })

  it('refuses an unknown template', async () => {
    const error = await expectRefused(
      generateLetter('no-such-letter', SAMPLES['person-to-company']),
      'NOT_FOUND',
      undefined,
    )
    expect(error.message).toContain('person-to-company')
  })

  it('names the missing or bad field', async () => {
    const noGrantee = withoutGrantee()
    const missing = await expectRefused(
      generateLetter('person-to-company', noGrantee),
      'INVALID_ARGUMENT',
      'grantee',
    )
    expect(missing.message).toContain('grantee')
    await expectRefused(
      generateLetter('person-to-company', { ...personData(), validUntil: '2026-01-01' }),
      'INVALID_ARGUMENT',
      'validUntil',
    )
    await expectRefused(
      generateLetter('person-to-company', { ...personData(), trademarks: [] }),
      'INVALID_ARGUMENT',
      'trademarks',
    )
    await expectRefused(
      generateLetter('person-to-company', { ...personData(), date: '2026-02-30' }),
      'INVALID_ARGUMENT',
      'date',
    )
  })
})

describe('the render check itself', () => {
  it('catches a broken embedded font that system fonts would hide', async () => {
    const pdf = Buffer.from(await generateLetter('person-to-company', SAMPLES['person-to-company']))
    // Zero out the largest stream (the font program), keeping every offset valid.
    const text = pdf.toString('latin1')
    let largest = { start: 0, length: 0 }
    for (const m of text.matchAll(/stream\r?\n/g)) {
      const start = m.index + m[0].length
      const length = text.indexOf('endstream', start) - start
      if (length > largest.length) largest = { start, length }
    }
    pdf.fill(0, largest.start + 16, largest.start + largest.length - 16)
    const off = renderPages(pdf, { systemFonts: false }).pages[0]
    const on = renderPages(pdf).pages[0]
    if (!off || !on) throw new Error('no page rendered')
    const margin = marginOf('person-to-company')
    const title = { x: margin.left, y: margin.top, width: 595.28 - 2 * margin.left, height: 30 }
    expect(inkRatio(off, title, 60)).toBeLessThan(0.02)
    expect(pixelDifference(off, on)).toBeGreaterThan(0.001)
  })
})
