import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { rgb } from '@cantoo/pdf-lib'
import type { Block } from '../../../electron/services/export/checklist-content'
import {
  renderChecklist,
  type ChecklistMeta,
} from '../../../electron/services/export/checklist-pdf'
import { ChecklistShaper } from '../../../electron/services/export/checklist-shaper'
import { loadFont } from '../../../electron/services/letters/font'
import { createPdf } from '../../../electron/services/letters/pdf'
import { compactText } from '../../helpers/pdf-tools'

/**
 * 清单.pdf's text is shaped while an export's pages are fitted (checklist-shaper.ts). Its bytes
 * must not depend on that: the same checklist whether prepared or not, fully or half way, with
 * its own content or another's. pdf-lib writes the clock into the file: it is held still here.
 */
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2026-03-02T09:30:00Z'))
})
afterEach(() => vi.useRealTimers())

const meta: ChecklistMeta = {
  title: '资质包清单 · 禾木生活',
  asOf: '2026-03-02',
  draft: true,
  seed: JSON.stringify(['packet', '2026-03-02', true]),
}

const fileLine = (n: number, bytes: string) =>
  `2_其他资质/商标注册证_禾木${n}_4567890${n}.jpg（1600×2263，${bytes}）`

/** A checklist of every kind of block, its file lines written with `bytes`. */
function blocks(bytes: string): Block[] {
  return [
    { kind: 'title', text: '资质包清单 · 禾木生活' },
    {
      kind: 'banner',
      lines: ['草稿 —— 本资质包尚未满足提交条件，请勿直接提交。', '· 表单：尚未选择推广行业'],
    },
    { kind: 'heading', text: '一、基本信息' },
    { kind: 'field', label: '申请主体', value: '上海禾木生活用品有限公司' },
    {
      kind: 'field',
      label: '使用的商标',
      value: Array.from({ length: 8 }, (_, i) => `禾木${i}（第 4567890${i} 号，已注册）`).join(
        '；',
      ),
    },
    { kind: 'heading', text: '三、材料清单（规则 · 状态 · 文件）' },
    { kind: 'item', marker: '1.', text: '商标注册证 —— R3 · 已满足', level: 0 },
    ...Array.from({ length: 4 }, (_, i): Block => ({
      kind: 'item',
      marker: '→',
      text: fileLine(i, bytes),
      level: 1,
    })),
    {
      kind: 'item',
      marker: '',
      text: `所需文件：${Array.from({ length: 12 }, (_, i) => `商标注册证第 ${i + 1} 页`).join('；')}`,
      level: 1,
    },
    { kind: 'item', marker: '', text: '依据 R3：聚光资质规则（Ⅱ）', level: 1, small: true },
    { kind: 'item', marker: '【未完成】', text: 'Latin words wrap whole: PacketDesk', level: 0 },
  ]
}

describe('the checklist shaper', () => {
  it('gives the same 清单.pdf bytes prepared or not, fully or half way, with any content', async () => {
    const final = blocks('812 KB')
    const alone = await renderChecklist(final, meta)

    const early = await ChecklistShaper.create()
    // What an export knows while its pages are fitted: no file lines yet, then other sizes.
    early.prepare(final.filter((b) => !(b.kind === 'item' && b.marker === '→')))
    early.prepare(blocks('0.99 MB'))
    await early.whenPrepared()
    const prepared = await renderChecklist(final, meta, early)

    const exact = await ChecklistShaper.create()
    exact.prepare(final)
    await exact.whenPrepared()

    const halfway = await ChecklistShaper.create()
    halfway.prepare(final)

    expect(Buffer.from(prepared).equals(Buffer.from(alone))).toBe(true)
    expect(Buffer.from(await renderChecklist(final, meta, exact)).equals(Buffer.from(alone))).toBe(
      true,
    )
    expect(
      Buffer.from(await renderChecklist(final, meta, halfway)).equals(Buffer.from(alone)),
    ).toBe(true)
    expect(compactText(prepared)).toContain(fileLine(3, '812 KB').replace(/\s/g, ''))
  })

  it('stops preparing once the checklist is rendered (or the export failed)', async () => {
    const shaper = await ChecklistShaper.create()
    shaper.prepare(blocks('1 KB'))
    shaper.close()
    await shaper.whenPrepared()
    shaper.prepare(blocks('2 KB'))
    await expect(shaper.whenPrepared()).resolves.toBeUndefined()
  })
})

describe('a PDF with the font parsed once for the process', () => {
  it('embeds and draws exactly as with pdf-lib’s own parse of the font', async () => {
    const { bytes, face } = loadFont()
    const draw = async (shared: boolean) => {
      const { doc, font } = await createPdf(bytes, 'seed', shared ? face : undefined)
      const page = doc.addPage([595.28, 841.89])
      page.drawText('授权委托书 Authorization 第 1 页', { x: 56, y: 700, size: 12, font })
      page.drawText('（盖章）ﬁ “引号”', { x: 56, y: 680, size: 10, font, color: rgb(1, 0, 0) })
      return Buffer.from(await doc.save({ useObjectStreams: true }))
    }
    expect((await draw(true)).equals(await draw(false))).toBe(true)
  })
})
