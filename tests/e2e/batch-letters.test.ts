import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, SHOTS, type AppSession } from '../helpers/app-session'
import { pageCount, pdftotext } from '../helpers/pdf-tools'

let session: AppSession
let page: Page

beforeAll(async () => {
  session = await openApp({ demo: true, height: 900 })
  ;({ page } = session)
  await page.setViewportSize({ width: 1440, height: 900 })
})
afterAll(async () => {
  await session?.close()
})

describe('batch letters end with the letters in hand', () => {
  it('lists the letters made, each with its packet and relation; a row opens the letter', async () => {
    await page.getByRole('navigation').getByText('资质包').click()
    const table = page.getByTestId('packets-table')
    for (const name of ['山岚旗舰店', '禾木生活']) {
      await table.getByRole('checkbox', { name }).check()
    }
    await page.getByRole('button', { name: '为选中的 2 个资质包生成授权书' }).click()
    const made = page.getByTestId('batch-letters-table')
    await made.waitFor({ state: 'visible', timeout: 30_000 })
    const rows = made.locator('tbody tr')
    await expect.poll(() => rows.count()).toBe(2)
    const texts = await rows.allTextContents()
    expect(
      texts.some(
        (t) =>
          t.includes('山岚旗舰店') &&
          t.includes('杭州山岚品牌管理有限公司 → 上海青禾文化传媒有限公司'),
      ),
    ).toBe(true)
    expect(
      texts.some((t) => t.includes('禾木生活') && t.includes('张伟 → 上海青禾文化传媒有限公司')),
    ).toBe(true)
    expect(await page.getByTestId('batch-letters').textContent()).toContain('生成 2 份授权书')
    await page.getByTestId('batch-result').screenshot({ path: join(SHOTS, 'batch-letters.png') })

    // A row opens that letter: its preview, print, and where its signed scan goes.
    await rows.filter({ hasText: '禾木生活' }).click()
    const dialog = page.getByRole('dialog')
    await expect.poll(() => dialog.getByTestId('letter-preview').isVisible()).toBe(true)
    await expect
      .poll(() => dialog.getByText('签字盖章后，把扫描件导入到这里：').isVisible())
      .toBe(true)
    const relations = await session.running.backend.handlers['relations.list']({})
    const zhang = relations.find((r) => r.from.name === '张伟')
    const letters = await session.running.backend.handlers['letters.list']({
      relationId: zhang?.id,
    })
    expect(letters).toHaveLength(1)
    await page.keyboard.press('Escape')
    await expect.poll(() => dialog.count()).toBe(0)
    expect(session.problems).toEqual([])
  })

  it('全部打印 prints ONE combined PDF of all of them, as 打印 prints one letter', async () => {
    // Keep the PDF the page hands the print frame (the page's CSP lets no fetch read a blob: URL).
    await page.evaluate(() => {
      const made: Blob[] = []
      ;(globalThis as unknown as { madePdfs: Blob[] }).madePdfs = made
      const original = URL.createObjectURL.bind(URL)
      URL.createObjectURL = (blob: Blob) => {
        if (blob instanceof Blob) made.push(blob)
        return original(blob)
      }
    })
    await page.getByRole('button', { name: '全部打印' }).click()
    const frame = page.getByTestId('print-frame')
    await expect.poll(() => frame.getAttribute('data-print-requested')).toBe('true')
    // The combined PDF the frame prints: pages = the sum of the letters'.
    const bytes = await page.evaluate(async () => {
      const made = (globalThis as unknown as { madePdfs: Blob[] }).madePdfs
      if (made.length !== 1 || made[0]?.type !== 'application/pdf') throw new Error('not one PDF')
      return Array.from(new Uint8Array(await made[0].arrayBuffer()))
    })
    const combined = new Uint8Array(bytes)
    await expect
      .poll(() => frame.getAttribute('data-pdf-sha256'))
      .toBe(createHash('sha256').update(combined).digest('hex'))
    const h = session.running.backend.handlers
    const letters = await h['letters.list']({})
    expect(letters).toHaveLength(2)
    let sum = 0
    for (const letter of letters)
      sum += pageCount(await session.running.backend.context.files.read(letter.pdfSha256))
    expect(pageCount(combined)).toBe(sum)
    const all = pdftotext(combined)
    expect(all).toContain('杭州山岚品牌管理有限公司')
    expect(all).toContain('张伟')
    await expect
      .poll(() => page.getByTestId('batch-outcome').textContent())
      .toContain('已发送打印：2 份授权书合并为一个 PDF。')
  })

  it('保存到文件夹 checks the path (Chinese error, nothing written), then writes each PDF', async () => {
    const folderField = page.getByLabel('保存到的文件夹')
    const save = page.getByRole('button', { name: '保存到文件夹' })

    await folderField.fill('授权书')
    await save.click()
    await expect.poll(() => page.getByText(/请填写完整的文件夹路径/).isVisible()).toBe(true)

    const missing = join(session.temp.dir, '没有这个文件夹')
    await folderField.fill(missing)
    await save.click()
    await expect.poll(() => page.getByText(/文件夹不存在/).isVisible()).toBe(true)
    expect(existsSync(missing)).toBe(false)
    await page
      .getByTestId('batch-result')
      .screenshot({ path: join(SHOTS, 'batch-letters-error.png') })

    const dir = join(session.temp.dir, '授权书')
    mkdirSync(dir)
    await folderField.fill(dir)
    await save.click()
    await expect
      .poll(() => page.getByTestId('batch-outcome').textContent())
      .toContain(`已保存 2 份 PDF 到 ${dir}`)
    const files = readdirSync(dir).sort()
    expect(files).toHaveLength(2)
    for (const file of files) {
      expect(file).toMatch(/^授权书_.+\.pdf$/)
      expect(pageCount(readFileSync(join(dir, file)))).toBeGreaterThan(0)
    }
    expect(session.problems).toEqual([])
  })

  it('in English, the list and its buttons have no Chinese of their own', async () => {
    await page.getByRole('navigation').getByText('设置').click()
    await page.getByText('English', { exact: true }).click()
    await page.getByRole('navigation').getByText('Packets').click()
    const table = page.getByTestId('packets-table')
    await table.getByRole('checkbox', { name: '山岚旗舰店' }).check()
    await page.getByRole('button', { name: 'Generate letters for 1 packets' }).click()
    const result = page.getByTestId('batch-result')
    await result.waitFor({ state: 'visible', timeout: 30_000 })
    const h = session.running.backend.handlers
    const names = [
      ...(await h['companies.list']({})).map((c) => c.name),
      ...(await h['persons.list']({})).map((p) => p.name),
      ...(await h['packets.list']({})).map((p) => p.accountName),
    ].sort((a, b) => b.length - a.length)
    const text = names.reduce((t, n) => t.split(n).join(''), await result.innerText())
    const placeholder =
      (await page.getByLabel('Folder to save to').getAttribute('placeholder')) ?? ''
    for (const own of [text, placeholder]) {
      expect(own).not.toMatch(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/)
    }
    expect(text).toContain('Print all')
    expect(text).toContain('Save to folder')
    await result.screenshot({ path: join(SHOTS, 'batch-letters-en.png') })
    await page.getByRole('navigation').getByText('Settings').click()
    await page.getByText('中文', { exact: true }).click()
    expect(session.problems).toEqual([])
  })
})
