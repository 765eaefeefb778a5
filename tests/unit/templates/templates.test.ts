import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Backend } from '../../../electron/services/backend'
import { dispatch } from '../../../electron/services/dispatch'
import { compactText, pdffonts } from '../../helpers/pdf-tools'
import { suiteDemoBackend } from '../../helpers/backend'
import { acroTemplatePdf, b64, flatTemplatePdf } from './fixtures'
import { refusalOf } from '../../helpers/app-error'

let backend: Backend
let dir: string
let cleanup: () => Promise<void>

beforeAll(async () => {
  ;({ backend, dir, cleanup } = await suiteDemoBackend())
}, 60_000)
afterAll(() => cleanup())

const h = () => backend.handlers

async function personRelation() {
  const relations = await h()['relations.list']({})
  const found = relations.find(
    (r) => r.from.name === '张伟' && r.to.name === '上海青禾文化传媒有限公司',
  )
  if (!found) throw new Error('demo relation missing')
  return found
}

async function letterPdf(id: string): Promise<string> {
  const pdf = await h()['letters.pdf']({ id })
  const file = join(dir, `${id}.pdf`)
  writeFileSync(file, Buffer.from(pdf.dataBase64, 'base64'))
  return file
}

const pdfinfo = (file: string) => execFileSync('pdfinfo', [file], { encoding: 'utf8' })

describe('user letter templates', () => {
  it('imports a flat PDF, saves three boxes and fills them for the person relation', async () => {
    const imported = await h()['templates.import']({
      fileName: '平台授权书模板.pdf',
      dataBase64: b64(await flatTemplatePdf()),
    })
    expect(imported).toMatchObject({ kind: 'flat', pageCount: 1, acroFields: [], fields: [] })
    expect(imported.pages[0]?.width).toBeCloseTo(595.28, 1)
    expect(imported.name).toBe('平台授权书模板')

    const saved = await h()['templates.save']({
      id: imported.id,
      name: '平台模板',
      fields: [
        { id: 'a', dataItem: 'grantor.name', page: 1, x: 150, y: 696, width: 180, height: 24 },
        { id: 'b', dataItem: 'grantor.idNumber', page: 1, x: 150, y: 646, width: 180, height: 24 },
        // Far too narrow for the text at 12 pt: it shrinks, then wraps.
        { id: 'c', dataItem: 'trademarks.text', page: 1, x: 150, y: 596, width: 20, height: 24 },
      ],
    })
    expect(saved.fieldCount).toBe(3)
    expect((await h()['templates.list']({})).map((t) => t.name)).toContain('平台模板')
    const preview = await h()['templates.pagePreview']({ id: imported.id, page: 1 })
    expect(preview.dataUrl).toMatch(/^data:image\/png;base64,/)
    expect(preview.width).toBe(Math.round(595.28 * 1.5))

    const relation = await personRelation()
    const letter = await h()['templates.fill']({ id: imported.id, relationId: relation.id })
    expect(letter).toMatchObject({
      template: `user:${imported.id}`,
      status: 'generated',
      requirement: 'authorization_letter',
    })
    const file = await letterPdf(letter.id)
    const text = compactText(file)
    expect(text).toContain('张伟')
    expect(text).toContain('11010519491231002X')
    expect(text).toContain('禾木')
    const fonts = pdffonts(file)
    const noto = fonts.filter((f) => f.name.includes('NotoSansSC'))
    expect(noto.length).toBe(1)
    expect(noto.every((f) => f.emb && f.sub)).toBe(true)
    expect(pdfinfo(file)).toMatch(/Form:\s+none/)
    // The letter's lifecycle works unchanged.
    expect((await h()['letters.markPrinted']({ id: letter.id })).status).toBe('printed')
  })

  it('maps AcroForm fields and flattens the filled form', async () => {
    const imported = await h()['templates.import']({
      fileName: 'form.pdf',
      dataBase64: b64(await acroTemplatePdf()),
    })
    expect(imported.kind).toBe('acroform')
    expect(imported.acroFields).toEqual(['grantorName', 'idNumber', 'marks', 'note'])
    await h()['templates.save']({
      id: imported.id,
      name: '表单模板',
      fields: [
        { fieldName: 'grantorName', dataItem: 'grantor.name' },
        { fieldName: 'idNumber', dataItem: 'grantor.idNumber' },
        { fieldName: 'marks', dataItem: 'trademarks.text' },
      ],
    })
    const relation = await personRelation()
    const letter = await h()['templates.fill']({ id: imported.id, relationId: relation.id })
    const file = await letterPdf(letter.id)
    const text = compactText(file)
    expect(text).toContain('张伟')
    expect(text).toContain('11010519491231002X')
    expect(text).toContain('禾木')
    expect(text).toContain('keptnote')
    expect(pdfinfo(file)).toMatch(/Form:\s+none/)
    const fonts = pdffonts(file).filter((f) => f.name.includes('NotoSansSC'))
    expect(fonts.length).toBe(1)
    expect(fonts[0]?.emb && fonts[0].sub).toBe(true)
  })

  it('refuses a non-PDF, a box outside the page, an unknown data item and a missing glyph', async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    )
    const notPdf = await refusalOf(
      h()['templates.import']({ fileName: 'scan.png', dataBase64: png.toString('base64') }),
    )
    expect(notPdf.code).toBe('FILE_REJECTED')
    expect(notPdf.message).toContain('模板必须是 PDF 文件')
    const text = await refusalOf(
      h()['templates.import']({
        fileName: 'a.pdf',
        dataBase64: Buffer.from('hello').toString('base64'),
      }),
    )
    expect(text.code).toBe('FILE_REJECTED')

    const imported = await h()['templates.import']({
      fileName: 'flat.pdf',
      dataBase64: b64(await flatTemplatePdf()),
    })
    const outside = await refusalOf(
      h()['templates.save']({
        id: imported.id,
        name: 'x',
        fields: [
          { id: 'a', dataItem: 'grantor.name', page: 1, x: 500, y: 700, width: 180, height: 24 },
        ],
      }),
    )
    expect(outside.message).toContain('超出了第 1 页的范围')
    const secondPage = await refusalOf(
      h()['templates.save']({
        id: imported.id,
        name: 'x',
        fields: [{ id: 'a', dataItem: 'date', page: 2, x: 10, y: 10, width: 100, height: 24 }],
      }),
    )
    expect(secondPage.message).toContain('模板只有 1 页')

    const unknownField = {
      id: imported.id,
      name: 'x',
      fields: [
        { id: 'a', dataItem: 'grantor.shoeSize', page: 1, x: 10, y: 10, width: 100, height: 24 },
      ],
    }
    const viaContract = await dispatch(h(), 'templates.save', unknownField)
    expect(viaContract.ok).toBe(false)
    if (!viaContract.ok) expect(viaContract.error.code).toBe('INVALID_ARGUMENT')
    const viaHandler = await refusalOf(
      h()['templates.save'](
        unknownField as unknown as Parameters<ReturnType<typeof h>['templates.save']>[0],
      ),
    )
    expect(viaHandler.message).toContain('未知的数据项')

    // A grantee whose name the font cannot print.
    const company = await h()['companies.save']({ name: '星辰😀文化有限公司', region: 'domestic' })
    const zhang = (await h()['persons.list']({})).find((p) => p.name === '张伟')
    if (!zhang) throw new Error('demo person missing')
    const relation = await h()['relations.save']({
      type: 'authorization',
      from: { kind: 'person', id: zhang.id },
      toCompanyId: company.id,
    })
    await h()['templates.save']({
      id: imported.id,
      name: 'x',
      fields: [
        { id: 'a', dataItem: 'grantee.name', page: 1, x: 150, y: 696, width: 180, height: 24 },
      ],
    })
    const before = (await h()['letters.list']({ relationId: relation.id })).length
    const glyph = await refusalOf(
      h()['templates.fill']({ id: imported.id, relationId: relation.id }),
    )
    expect(glyph.message).toContain('字体缺少字符“😀”（U+1F600）')
    expect(glyph.message).toContain('被授权方名称')
    expect((await h()['letters.list']({ relationId: relation.id })).length).toBe(before)
  })
})
