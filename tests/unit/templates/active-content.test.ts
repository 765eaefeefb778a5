import { PDFDocument, PDFName, PDFString } from '@cantoo/pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Backend } from '../../../electron/services/backend'
import { dispatch } from '../../../electron/services/dispatch'
import { auditRows, suiteDemoBackend } from '../../helpers/backend'
import { b64, flatTemplatePdf } from './fixtures'

/**
 * A user template may carry active content; the filled letter — which prints a person's full ID
 * number — must carry none. Templates that are programs (XFA) or absurdly large are refused.
 */
let backend: Backend
let cleanup: () => Promise<void>
beforeAll(async () => {
  ;({ backend, cleanup } = await suiteDemoBackend())
}, 60_000)
afterAll(() => cleanup())

/** The flat fixture plus document JavaScript, an /OpenAction, a page /AA and a full-page /Launch link. */
async function hostileTemplate(): Promise<Uint8Array> {
  const doc = await PDFDocument.load(await flatTemplatePdf())
  const ctx = doc.context
  const js = ctx.obj({ S: 'JavaScript', JS: PDFString.of('app.alert("pwned")') })
  doc.catalog.set(PDFName.of('OpenAction'), ctx.register(js))
  doc.catalog.set(
    PDFName.of('Names'),
    ctx.obj({ JavaScript: ctx.obj({ Names: [PDFString.of('x'), ctx.register(js)] }) }),
  )
  const launch = ctx.obj({
    Type: 'Annot',
    Subtype: 'Link',
    Rect: [0, 0, 595, 842],
    A: ctx.obj({ S: 'Launch', F: PDFString.of('calc.exe') }),
  })
  const page = doc.getPage(0)
  page.node.set(PDFName.of('Annots'), ctx.obj([ctx.register(launch)]))
  page.node.set(PDFName.of('AA'), ctx.obj({ O: ctx.register(js) }))
  return doc.save({ useObjectStreams: false })
}

async function xfaTemplate(): Promise<Uint8Array> {
  const doc = await PDFDocument.load(await flatTemplatePdf())
  // Written by hand: pdf-lib's own form API drops XFA on save.
  const acroForm = doc.context.obj({ Fields: [], XFA: PDFString.of('<xdp:xdp/>') })
  doc.catalog.set(PDFName.of('AcroForm'), doc.context.register(acroForm))
  return doc.save({ useObjectStreams: false })
}

describe('user templates and active content', () => {
  it('the filled letter keeps the text but no JavaScript, OpenAction, page actions or Launch links', async () => {
    const template = await hostileTemplate()
    expect(Buffer.from(template).toString('latin1')).toMatch(/\/JavaScript[\s\S]*\/Launch/)
    const h = backend.handlers
    const imported = await h['templates.import']({
      fileName: 'hostile.pdf',
      dataBase64: b64(template),
    })
    await h['templates.save']({
      id: imported.id,
      name: 'hostile',
      fields: [
        { id: 'a', dataItem: 'grantor.name', page: 1, x: 150, y: 696, width: 180, height: 24 },
        { id: 'b', dataItem: 'grantor.idNumber', page: 1, x: 150, y: 646, width: 180, height: 24 },
      ],
    })
    const relation = (await h['relations.list']({})).find((r) => r.from.name === '张伟')
    const letter = await h['templates.fill']({ id: imported.id, relationId: relation?.id ?? '' })
    const pdf = Buffer.from((await h['letters.pdf']({ id: letter.id })).dataBase64, 'base64')
    const text = pdf.toString('latin1')
    for (const active of [
      '/JavaScript',
      '/OpenAction',
      '/Launch',
      '/AA',
      '/Annots',
      '/EmbeddedFiles',
      '/XFA',
      '/AcroForm',
    ]) {
      expect(text.includes(active), active).toBe(false)
    }
    const reopened = await PDFDocument.load(pdf)
    expect(reopened.getPageCount()).toBe(1)
    // Filling the template is an audited reveal of the grantor's number (never the number).
    const audits = (await auditRows(backend)).filter((r) => r.action === 'reveal_id_number')
    expect(audits.map((a) => a.detail)).toEqual(
      expect.arrayContaining(['user template fill', 'letter pdf']),
    )
    expect(JSON.stringify(audits)).not.toMatch(/\d{17}[\dX]/)
  }, 60_000)

  it('an XFA template is refused at import with a clear reason, and nothing is stored', async () => {
    const before = (await backend.handlers['templates.list']({})).length
    const result = await dispatch(backend.handlers, 'templates.import', {
      fileName: 'xfa.pdf',
      dataBase64: b64(await xfaTemplate()),
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'FILE_REJECTED' } })
    expect(result.ok ? '' : result.error.message).toContain('XFA')
    expect((await backend.handlers['templates.list']({})).length).toBe(before)
  }, 60_000)

  it('a template of 60,000 unused objects is refused at import, in a worker, naming why', async () => {
    const doc = await PDFDocument.load(await flatTemplatePdf())
    for (let i = 0; i < 60_000; i++) doc.context.register(doc.context.obj({ N: i }))
    const bloated = await doc.save({ useObjectStreams: false })
    const started = Date.now()
    const result = await dispatch(backend.handlers, 'templates.import', {
      fileName: 'bloated.pdf',
      dataBase64: b64(bloated),
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'FILE_REJECTED' } })
    expect(result.ok ? '' : result.error.message).toContain('异常庞大')
    expect(Date.now() - started).toBeLessThan(25_000)
  }, 60_000)
})
