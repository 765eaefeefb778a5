import { PDFDocument } from '@cantoo/pdf-lib'
import { describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/errors'
import { inspectFile } from '../../../electron/services/files/inspect'
import { inspectPdf } from '../../../electron/services/files/pdf-inspect'
import { blankPdf } from '../../helpers/fixtures-files'
import { hugePagesTiff, operatorBombPdf } from '../../helpers/hostile-files'

/**
 * The export's cost is estimated at import (hardening issue, items 1 and 7): all pages' pixels
 * from the headers before anything is drawn, and the drawing time against a budget — a file
 * that would stall every export is refused at import, with the reason.
 */
async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(AppError)
  expect((error as AppError).code).toBe('FILE_REJECTED')
  return error as AppError
}

/** `pages` pages of `side` × `side` points: at the export's 144 dpi, (2 × side)² pixels each. */
async function largePagesPdf(pages: number, side: number): Promise<Buffer> {
  const doc = await PDFDocument.create()
  for (let i = 0; i < pages; i++) doc.addPage([side, side])
  return Buffer.from(await doc.save())
}

describe('estimated cost at import', () => {
  it('a 1 KB TIFF declaring eight 100 MP pages is refused from its headers, at once', async () => {
    const tiff = hugePagesTiff(8, 10_000, 10_000)
    expect(tiff.length).toBeLessThan(2_000)
    const started = Date.now()
    const error = await refusal(inspectFile(tiff))
    expect(error.message).toMatch(/8 页合计约 800 百万像素，超过 500 百万像素/)
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it('a PDF whose pages together exceed the pixel budget is refused before any page is drawn', async () => {
    // 40 pages of 2000 pt: 16 MP each at export scale (each under the per-page limit), 640 MP.
    const pdf = await largePagesPdf(40, 2_000)
    const started = Date.now()
    const error = await refusal(inspectFile(pdf))
    expect(error.message).toMatch(/PDF 的 40 页合计约 640 百万像素/)
    // Drawing 40 such pages would take far longer than reading their sizes.
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it('a small PDF that is slow to draw is refused between pages once past the budget', async () => {
    // Four pages of 50,000 operators: each page takes about a second to draw.
    const pdf = operatorBombPdf(50_000, 4)
    expect(pdf.length).toBeLessThan(10_000)
    const error = await refusal(inspectPdf(pdf, { renderBudgetMs: 300 }))
    expect(error.message).toMatch(/PDF 绘制过于复杂：检查到第 \d\/4 页已用时/)
  }, 60_000)

  it('with the real 8 s budget, a small PDF of thirty such pages is refused, not accepted', async () => {
    // ~40 s of drawing here: past the budget even on a machine several times faster; refused
    // at the first page boundary past 8 s.
    const pdf = operatorBombPdf(50_000, 30)
    const started = Date.now()
    const error = await refusal(inspectFile(pdf))
    expect(error.message).toMatch(/PDF 绘制过于复杂/)
    expect(Date.now() - started).toBeLessThan(20_000)
  }, 60_000)

  it('ordinary files stay within both budgets', async () => {
    await expect(inspectFile(await blankPdf(20))).resolves.toMatchObject({ pages: 20 })
    await expect(inspectFile(await largePagesPdf(3, 2_000))).resolves.toMatchObject({ pages: 3 })
  }, 60_000)
})
