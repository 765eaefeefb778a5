import { openApp, SHOTS, type AppSession } from '../helpers/app-session'
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baselineAboveBottom } from '../../shared/text-box'
import { compactText, wordBoxes } from '../helpers/pdf-tools'
import { flatTemplatePdf } from '../unit/templates/fixtures'
const A4 = { width: 595.28, height: 841.89 }
/** The printed lines of the fixture (tests/unit/templates/fixtures.ts), in PDF points. */
const LINES = [696, 646, 596] as const

let session: AppSession
let temp: AppSession['temp']
let running: AppSession['running']
let page: Page
let problems: string[]

beforeAll(async () => {
  session = await openApp({ demo: true })
  ;({ temp, running, page, problems } = session)
})
afterAll(async () => {
  await session?.close()
})

const loadedImages = (selector: string) =>
  page
    .locator(selector)
    .locator('img')
    .evaluateAll(
      (imgs) =>
        imgs.filter((i) => (i as unknown as { naturalWidth: number }).naturalWidth > 0).length,
    )

async function chooseItem(row: number, label: string) {
  await page.locator(`input[aria-label="第 ${row} 个文本框的数据项"]`).click()
  await page.getByRole('option', { name: label, exact: true }).click()
}

describe('user letter templates in 设置', () => {
  it('imports a flat PDF, places three boxes by clicking, saves and fills it', async () => {
    const file = join(temp.dir, '平台授权书模板.pdf')
    writeFileSync(file, await flatTemplatePdf())
    await page.getByRole('navigation').getByText('设置').click()
    await page.locator('[data-testid="template-dropzone"] input[type="file"]').setInputFiles([file])
    await expect.poll(() => loadedImages('[data-testid="template-page"]')).toBe(1)

    // Click ON the three printed lines (at x = 152 pt): each click puts a box whose text will sit
    // on that line, starting there (issue 13 item 12).
    const img = page.getByTestId('template-page').locator('img')
    const shown = await img.boundingBox()
    if (!shown) throw new Error('page image not shown')
    for (const lineY of LINES) {
      await img.click({
        position: {
          x: (152 / A4.width) * shown.width,
          y: ((A4.height - lineY) / A4.height) * shown.height,
        },
      })
    }
    await expect.poll(() => page.getByTestId('template-box').count()).toBe(3)
    await chooseItem(2, '授权方证件号码')
    await chooseItem(3, '商标文字')
    await page.getByRole('button', { name: '保存模板' }).click()
    await expect.poll(() => page.getByTestId('template-saved').isVisible()).toBe(true)
    await page.screenshot({ path: join(SHOTS, 'templates-designer.png') })

    const saved = (await running.backend.handlers['templates.list']({}))[0]
    expect(saved?.fieldCount).toBe(3)
    const detail = await running.backend.handlers['templates.get']({ id: saved?.id ?? '' })
    const ys = detail.fields.map((f) => ('y' in f ? f.y : 0))
    // Converted from screen pixels: each box's text baseline on its line (the filler's numbers).
    ys.forEach((y, i) =>
      expect(Math.abs(y + baselineAboveBottom(24) - (LINES[i] ?? 0))).toBeLessThan(1.5),
    )

    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByTestId('template-row').textContent()).toContain('3')
    await page.getByTestId('template-row').getByRole('button', { name: '生成授权书' }).click()
    await page.getByRole('dialog').getByPlaceholder('选择授权方 → 被授权方').click()
    await page.getByRole('option', { name: '张伟 → 上海青禾文化传媒有限公司', exact: true }).click()
    await page.getByRole('button', { name: '生成', exact: true }).click()
    await expect.poll(() => loadedImages('[data-testid="template-fill-preview"]')).toBe(1)
    await page.screenshot({ path: join(SHOTS, 'templates-filled-preview.png') })

    // The filled PDF itself, rendered with pdftoppm for a look.
    const letters = await running.backend.handlers['letters.list']({})
    const letter = letters.find((l) => l.template === `user:${saved?.id ?? ''}`)
    if (!letter) throw new Error('filled letter not recorded')
    const pdf = await running.backend.handlers['letters.pdf']({ id: letter.id })
    const out = join(SHOTS, 'templates-filled.pdf')
    writeFileSync(out, Buffer.from(pdf.dataBase64, 'base64'))
    execFileSync('pdftoppm', [
      '-r',
      '80',
      '-png',
      '-singlefile',
      out,
      join(SHOTS, 'templates-filled'),
    ])
    // In the filled PDF the text sits on the printed lines, not under them: the bottom of each
    // word's box (its descent) just below the line, its top well above it.
    const words = wordBoxes(out)
    for (const [word, line] of [
      ['张伟', 696],
      ['11010519491231002X', 646],
      ['禾木', 596],
    ] as const) {
      const box = words.find((w) => w.text === word)
      if (!box) throw new Error(`${word} not in the filled letter`)
      const bottom = box.pageHeight - box.yMax
      const top = box.pageHeight - box.yMin
      expect(bottom).toBeGreaterThan(line - 5)
      expect(bottom).toBeLessThan(line + 0.5)
      expect(top).toBeGreaterThan(line + 7)
    }
    const text = compactText(out)
    expect(text).toContain('张伟')
    expect(text).toContain('11010519491231002X')
    expect(text).toContain('禾木')
    expect(problems).toEqual([])
  })

  it('shows the field table beside the page preview, next to 保存模板', async () => {
    // A fresh page (each test stands alone), back in 设置.
    await page.reload()
    await page.getByRole('navigation').getByText('设置').click()
    await page.getByTestId('template-row').getByRole('button', { name: '设计' }).click()
    await expect.poll(() => loadedImages('[data-testid="template-page"]')).toBe(1)
    await expect.poll(() => page.getByTestId('template-field-row').count()).toBe(3)
    await page.screenshot({ path: join(SHOTS, 'template-designer-beside.png') })
    // The field table sits beside the page preview, 保存模板 at the top of that column.
    const pageBox = await page.getByTestId('template-page').boundingBox()
    const tableBox = await page.getByTestId('template-fields').boundingBox()
    const saveBox = await page.getByRole('button', { name: '保存模板' }).boundingBox()
    if (!pageBox || !tableBox || !saveBox) throw new Error('designer not laid out')
    expect(tableBox.x).toBeGreaterThanOrEqual(pageBox.x + pageBox.width)
    expect(tableBox.y).toBeLessThan(pageBox.y + pageBox.height / 4)
    expect(saveBox.x).toBeGreaterThanOrEqual(pageBox.x + pageBox.width)
    expect(saveBox.y + saveBox.height).toBeLessThanOrEqual(tableBox.y + 1)
    expect(tableBox.y - (saveBox.y + saveBox.height)).toBeLessThan(120)
    await page.keyboard.press('Escape')
    expect(problems).toEqual([])
  })
})
