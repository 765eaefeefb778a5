import { describe, expect, it } from 'vitest'
import { fakeScan, scansToPdf } from '../../../electron/services/demo/scans'
import { fitDocument } from '../../../electron/services/export/fit-document'
import type { StoredDocument } from '../../../electron/services/export/select'
import {
  fitPageIsolated,
  fitPdfPageIsolated,
  renderPdfIsolated,
} from '../../../electron/services/workers/isolated'

/**
 * A stored PDF's page is rendered and fitted by one worker task (the rendered page never crosses
 * the channel): the output is the very one the render-then-fit round trip gave.
 */
describe('fitting a page of a stored PDF', () => {
  it('gives the same bytes as rendering the page and fitting the render', async () => {
    const pdf = await scansToPdf([
      await fakeScan('营业执照', ['第一页'], { width: 1240, height: 1754 }),
      await fakeScan('营业执照', ['第二页'], { width: 1240, height: 1754, color: false }),
    ])
    const fit = { mode: 'upload' as const, avatarFit: 'pad' as const, watermark: false }
    for (const page of [0, 1]) {
      const [rendered] = await renderPdfIsolated(pdf, { firstPage: page + 1, maxPages: 1 })
      const roundTrip = await fitPageIsolated({ ...fit, image: rendered?.png ?? Buffer.alloc(0) })
      const oneTask = await fitPdfPageIsolated({ ...fit, image: pdf, page })
      expect(oneTask.data.equals(roundTrip.data)).toBe(true)
      expect([oneTask.width, oneTask.height]).toEqual([roundTrip.width, roundTrip.height])
    }

    // The export's document fitting gives each page in order; the avatar is the first page only.
    const document = { file: { format: 'pdf', pages: 2, sha256: '0'.repeat(64) } }
    const stored = document as unknown as StoredDocument
    const pages = []
    for await (const page of fitDocument(pdf, stored, {
      requirement: 'business_licence',
      avatarFit: 'pad',
      watermark: false,
    })) {
      pages.push([page.index, page.count, page.result.bytes <= 1_000_000])
    }
    expect(pages).toEqual([
      [0, 2, true],
      [1, 2, true],
    ])
    const avatar = []
    for await (const page of fitDocument(pdf, stored, {
      requirement: 'avatar',
      avatarFit: 'crop',
      watermark: false,
    })) {
      avatar.push([page.index, page.count, page.result.width, page.result.height])
    }
    expect(avatar).toEqual([[0, 1, 800, 800]])
  }, 60_000)
})
