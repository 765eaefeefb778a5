import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, type AppSession } from '../helpers/app-session'

// Issue 13 item 4: clerks double-click. Every primary action on the main screens, double-clicked,
// has exactly one effect — and the second click never lands on what the first put under it.
let session: AppSession
let page: Page
beforeAll(async () => {
  session = await openApp({ demo: true })
  page = session.page
})
afterAll(async () => {
  await session?.close()
})

const h = () => session.running.backend.handlers
const packetNamed = async (name: string) =>
  (await h()['packets.list']({})).filter((p) => p.accountName === name)
const activeStep = () => page.locator('.mantine-Stepper-step[data-progress]').textContent()

async function toPackets() {
  await page.getByRole('navigation').getByText('资质包').click()
  const back = page.getByRole('button', { name: '返回列表' })
  if (await back.isVisible()) await back.click()
  await expect.poll(() => page.getByTestId('packets-table').isVisible()).toBe(true)
}

async function openPacket(name: string) {
  await toPackets()
  await page
    .getByTestId('packet-row')
    .filter({ has: page.getByTestId('packet-name').getByText(name, { exact: true }) })
    .getByTestId('packet-name')
    .click()
  await expect.poll(() => page.getByRole('button', { name: '返回列表' }).isVisible()).toBe(true)
}

describe('double-clicks do one thing', () => {
  it('新建资质包 opens the wizard and stays there (the second click does not hit 返回列表)', async () => {
    await toPackets()
    await page.getByRole('button', { name: '新建资质包' }).dblclick()
    await expect.poll(() => page.getByRole('button', { name: '返回列表' }).isVisible()).toBe(true)
    await page.waitForTimeout(300) // a late second effect would show by now
    expect(await page.getByTestId('packets-table').isVisible()).toBe(false)
    expect(await activeStep()).toContain('前提')
  })

  it('资料库 新建 → 保存, double-clicked, creates one company', async () => {
    await page.getByRole('navigation').getByText('资料库').click()
    await page.getByRole('tab', { name: '公司' }).click()
    await page.getByRole('button', { name: '新建', exact: true }).dblclick()
    await expect.poll(() => page.getByRole('dialog').count()).toBe(1)
    await page.getByLabel('公司名称').first().fill('双击测试有限公司')
    await page.getByRole('button', { name: '保存' }).dblclick()
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0)
    await page.waitForTimeout(300)
    const companies = (await h()['companies.list']({})).filter((c) => c.name === '双击测试有限公司')
    expect(companies).toHaveLength(1)
  })

  it('choosing a trademark in the wizard adds that one only', async () => {
    await openPacket('禾木生活')
    await page.getByRole('button', { name: '下一步' }).click()
    await expect.poll(activeStep).toContain('账号信息')
    const before = (await packetNamed('禾木生活'))[0]?.trademarkIds.length ?? 0
    await page.getByLabel('使用的商标').first().click()
    await page.getByRole('option', { name: /^远帆/ }).dblclick()
    await page.keyboard.press('Escape')
    await expect
      .poll(async () => (await packetNamed('禾木生活'))[0]?.trademarkIds.length)
      .toBe(before + 1)
    await page.waitForTimeout(600) // past the autosave's pause
    expect((await packetNamed('禾木生活'))[0]?.trademarkIds.length).toBe(before + 1)
  })

  it('生成授权书, double-clicked, makes one letter', async () => {
    await openPacket('禾木生活')
    await page.getByRole('button', { name: '检查' }).click()
    const letterRow = page.getByTestId('plan-row').filter({ hasText: '授权书（张伟' })
    await letterRow.getByRole('button', { name: '生成 / 导入' }).click()
    const before = (await h()['letters.list']({})).length
    await page.getByRole('button', { name: '生成授权书' }).dblclick()
    await expect.poll(async () => (await h()['letters.list']({})).length).toBe(before + 1)
    await page.waitForTimeout(500)
    expect((await h()['letters.list']({})).length).toBe(before + 1)
    await page.keyboard.press('Escape')
  })

  it('导出, double-clicked, writes one folder; 保存记录 records one submission', async () => {
    await openPacket('Maple枫叶')
    await page.getByRole('button', { name: '检查' }).click()
    await page.getByRole('button', { name: '下一步' }).click()
    const outDir = join(session.temp.dir, 'dbl-exports')
    await page.getByLabel('导出到文件夹').fill(outDir)
    await expect.poll(() => page.getByTestId('export-button').isDisabled()).toBe(false)
    await page.getByTestId('export-button').dblclick()
    await expect
      .poll(() => page.getByTestId('export-result').textContent(), { timeout: 60_000 })
      .toContain(outDir)
    await page.waitForTimeout(500)
    expect(readdirSync(outDir)).toHaveLength(1)

    const packet = (await packetNamed('Maple枫叶'))[0]
    const before = (await h()['packets.submissions']({ id: packet?.id ?? '' })).length
    await page.getByRole('button', { name: '保存记录' }).dblclick()
    await expect
      .poll(async () => (await h()['packets.submissions']({ id: packet?.id ?? '' })).length)
      .toBe(before + 1)
    await page.waitForTimeout(500)
    expect((await h()['packets.submissions']({ id: packet?.id ?? '' })).length).toBe(before + 1)
  })

  it('复制 in the work queue, double-clicked, makes one copy', async () => {
    await toPackets()
    await page
      .getByTestId('packet-row')
      .filter({ has: page.getByTestId('packet-name').getByText('青禾文化', { exact: true }) })
      .getByTestId('packet-actions')
      .click()
    await page.getByRole('menuitem', { name: '复制为新账号…' }).click()
    await page.getByTestId('duplicate-name').fill('青禾文化双击')
    await page.getByRole('button', { name: '复制', exact: true }).dblclick()
    await expect.poll(async () => (await packetNamed('青禾文化双击')).length).toBe(1)
    await page.waitForTimeout(500)
    expect(await packetNamed('青禾文化双击')).toHaveLength(1)
    expect(session.problems).toEqual([])
  })
})
