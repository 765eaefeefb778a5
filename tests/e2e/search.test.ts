import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, SHOTS, type AppSession } from '../helpers/app-session'

/**
 * Search on the demo library (issue 13 item 14): a USCC by its middle, a person by part of the
 * ID number (masked), a relation, document types, a packet — each hit opens the right place.
 * And "此后的改动" after a rejection names a trademark's registrant edited since (item 13).
 */
let session: AppSession
let page: Page

beforeAll(async () => {
  session = await openApp({ demo: true, height: 900 })
  page = session.page
})
afterAll(async () => {
  await session?.close()
})

const box = () => page.getByLabel('搜索资料库')
const hits = () => page.getByTestId('search-hit')
const hit = (text: string) => hits().filter({ hasText: text }).first()

async function searchFor(query: string) {
  // The app opens on 今日; search lives on 资料库.
  if (!(await box().isVisible())) await page.getByRole('navigation').getByText('资料库').click()
  await box().fill(query)
  await expect.poll(() => hits().count()).toBeGreaterThan(0)
}

describe('search in the browser', () => {
  it('finds a USCC by its middle and opens the company', async () => {
    await searchFor('0106MA')
    await expect.poll(() => hit('杭州山岚品牌管理有限公司').isVisible()).toBe(true)
    await page.screenshot({ path: join(SHOTS, 'search-uscc.png') })
    await hit('杭州山岚品牌管理有限公司').click()
    const drawer = page.getByRole('dialog')
    await expect
      .poll(() => drawer.getByText('杭州山岚品牌管理有限公司').first().isVisible())
      .toBe(true)
    await page.keyboard.press('Escape')
    await expect.poll(() => drawer.isVisible()).toBe(false)
  })

  it('finds a person by part of the ID number and shows it masked only', async () => {
    await searchFor('19491231')
    const zhang = hit('张伟')
    await expect.poll(() => zhang.textContent()).toContain('1101**********002X')
    expect(await page.getByTestId('search-results').textContent()).not.toContain(
      '11010519491231002X',
    )
    await page.screenshot({ path: join(SHOTS, 'search-id-number.png') })
  })

  it('finds a relation and document types; a relation hit opens the relation', async () => {
    await searchFor('授权书')
    await expect.poll(() => hit('总代授权书').isVisible()).toBe(true)
    await page.screenshot({ path: join(SHOTS, 'search-document-types.png') })
    await searchFor('总代')
    const relation = hit('总代授权：Maple Leaf Goods Ltd. → 枫叶（香港）贸易有限公司')
    await expect.poll(() => relation.isVisible()).toBe(true)
    await relation.click()
    const drawer = page.getByRole('dialog')
    await expect
      .poll(() =>
        drawer.getByText('Maple Leaf Goods Ltd. → 枫叶（香港）贸易有限公司').first().isVisible(),
      )
      .toBe(true)
    await page.screenshot({ path: join(SHOTS, 'search-relation.png') })
    await page.keyboard.press('Escape')
  })

  it('finds a packet by account name and opens it', async () => {
    await searchFor('旗舰')
    const packet = hit('山岚旗舰店（上海青禾文化传媒有限公司）')
    await expect.poll(() => packet.isVisible()).toBe(true)
    await page.screenshot({ path: join(SHOTS, 'search-packet.png') })
    await packet.click()
    await expect
      .poll(() => page.getByRole('heading', { name: '山岚旗舰店', exact: true }).isVisible())
      .toBe(true)
    await expect.poll(() => page.getByRole('button', { name: '返回列表' }).isVisible()).toBe(true)
    // Back to the list: the packet does not open itself again.
    await page.getByRole('button', { name: '返回列表' }).click()
    await expect.poll(() => page.getByTestId('packets-table').isVisible()).toBe(true)
  })
})

async function openPacketExportStep(name: string) {
  await page.getByRole('link', { name: '资质包' }).click()
  await page.getByTestId('packets-table').getByText(name, { exact: true }).click()
  await page.getByRole('button', { name: '导出' }).first().click()
  await expect.poll(() => page.getByText('记录一次提交').isVisible()).toBe(true)
}

describe('changes since a rejection in the browser', () => {
  it('lists a trademark registrant edited after the rejection', async () => {
    await openPacketExportStep('禾木生活')
    await page.getByRole('combobox', { name: '审核结果' }).click()
    await page.getByRole('option', { name: '被驳回' }).click()
    await page.getByLabel('驳回原因', { exact: false }).fill('商标注册人与申请主体不一致')
    await page.getByRole('button', { name: '保存记录' }).click()
    await expect.poll(() => page.getByText('尚无改动', { exact: false }).isVisible()).toBe(true)

    // Edit the trademark's registrant in the library.
    await page.getByRole('link', { name: '资料库' }).click()
    await page.getByRole('tab', { name: '商标' }).click()
    await page.getByTestId('trademarks-table').getByText('禾木', { exact: true }).click()
    await page.getByRole('button', { name: '编辑' }).click()
    await page.getByRole('combobox', { name: '注册人', exact: true }).click()
    await page.getByRole('option', { name: '上海青禾文化传媒有限公司（公司）' }).click()
    await page.getByRole('button', { name: '保存' }).click()
    await expect
      .poll(() =>
        page
          .getByTestId('trademarks-table')
          .getByRole('row', { name: /禾木/ })
          .first()
          .textContent(),
      )
      .toContain('上海青禾文化传媒有限公司')
    await page.keyboard.press('Escape')

    await openPacketExportStep('禾木生活')
    const list = page.getByTestId('changes-since')
    await expect
      .poll(() => list.textContent())
      .toContain('商标“禾木”：注册人 “张伟” → “上海青禾文化传媒有限公司”')
    await list.scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(SHOTS, 'search-changes-since.png') })

    // In English, the same change with English labels.
    await session.running.backend.handlers['settings.setLanguage']({ language: 'en' })
    await page.reload()
    await page.getByRole('link', { name: 'Packets' }).click()
    await page.getByTestId('packets-table').getByText('禾木生活', { exact: true }).click()
    await page.getByRole('button', { name: 'Export' }).first().click()
    await expect
      .poll(() => page.getByTestId('changes-since').textContent())
      .toContain('Trademark "禾木": registrant "张伟" → "上海青禾文化传媒有限公司"')
    await page.getByTestId('changes-since').scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(SHOTS, 'search-changes-since-en.png') })
    expect(session.problems).toEqual([])
  })
})
