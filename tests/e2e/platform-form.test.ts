import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { todayIn } from '../../shared/dates'
import { TRADEMARK_OFFICE_SEARCH_URL } from '../../shared/platform/links'
import { openApp, SHOTS, type AppSession } from '../helpers/app-session'

/**
 * Issue 13 items 15–17 in the real renderer on a real backend: the account-level 行业类别 and its
 * R3 check, the CTMO look-up with 查询日期 and the 商标查询截图 paper, the account-type notes and
 * the email route's recipient in 设置 — in Chinese, then the same labels in English.
 */
let session: AppSession
let page: Page
const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/u

beforeAll(async () => {
  session = await openApp({ demo: true })
  page = session.page
  const origin = new URL(session.running.host.url).origin
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin })
  // The CTMO site is not reached from the test machine: a stand-in answers for it.
  await page
    .context()
    .route(`${TRADEMARK_OFFICE_SEARCH_URL}**`, (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>CTMO stand-in</title>' }),
    )
})
afterAll(async () => {
  await session?.close()
})

const h = () => session.running.backend.handlers
const nav = () => page.getByRole('navigation')

async function openPacket(accountName: string) {
  await nav().getByText('资质包').click()
  const back = page.getByRole('button', { name: '返回列表' })
  if (await back.isVisible()) await back.click()
  await page.getByTestId('packets-table').getByText(accountName, { exact: true }).click()
  await page.getByRole('button', { name: '账号信息' }).click()
}

async function openTrademarkForm(regNo: string, tab = '商标', edit = '编辑') {
  await nav()
    .getByText(tab === '商标' ? '资料库' : 'Library')
    .click()
  await page.getByRole('tab', { name: tab }).click()
  await page.getByTestId('trademarks-table').getByText(regNo).click()
  await page.getByRole('button', { name: edit, exact: true }).click()
}

describe('what the platform’s form asks (issue 13 items 15–17)', () => {
  it('行业类别 商务服务 | 设计 on a company without 设计 in its scope: warned, citing R3', async () => {
    const shanlan = (await h()['companies.list']({})).find((c) => c.name.includes('山岚'))
    if (!shanlan) throw new Error('demo company missing')
    expect(shanlan.businessScope).not.toContain('设计')
    await h()['packets.save']({
      applicantCompanyId: shanlan.id,
      accountType: 'enterprise',
      accountName: '山岚设计',
      promotedSubject: 'none',
      industries: [],
      trademarkIds: [],
    })
    await page.reload()
    await openPacket('山岚设计')
    // Both account types are explained where they are chosen.
    const note = page.getByTestId('account-type-note')
    await expect.poll(() => note.textContent()).toContain('企业主体：')
    await page.getByText('企业员工', { exact: true }).click()
    await expect.poll(() => note.textContent()).toContain('企业员工：')
    await page.getByText('企业主体', { exact: true }).click()

    await page.getByTestId('account-industry').click()
    await page.getByTestId('account-industry').fill('设计')
    await page.getByRole('option', { name: '商务服务 | 设计' }).click()
    const inline = page.getByTestId('account-industry-warning')
    await expect.poll(() => inline.textContent()).toContain('R3（账号行业类别）')
    // Saved (the wizard saves each change), as the one packet field.
    await expect
      .poll(async () => {
        const packet = (await h()['packets.list']({})).find((p) => p.accountName === '山岚设计')
        return packet?.accountIndustry
      })
      .toEqual({ primary: '商务服务', secondary: '设计' })
    await page.screenshot({ path: join(SHOTS, 'platform-account-industry.png'), fullPage: true })

    await page.getByRole('button', { name: '检查' }).click()
    const warnings = page.getByRole('alert').filter({ hasText: '提醒' })
    await expect.poll(() => warnings.textContent()).toContain('R3（账号行业类别）')
    expect(await warnings.textContent()).toContain('商务服务/设计')
    await page.screenshot({ path: join(SHOTS, 'platform-check-warning.png'), fullPage: true })
  })

  it('复制注册号并打开商标局查询: number on the clipboard, the site opened, 查询日期 saved', async () => {
    const [mark] = await h()['trademarks.list']({})
    if (!mark) throw new Error('no demo trademark')
    await openTrademarkForm(mark.regNo)
    const form = page.getByRole('dialog').filter({ hasText: '保存' })
    const popup = page.context().waitForEvent('page')
    await form.getByTestId('trademark-lookup').click()
    const opened = await popup
    expect(opened.url()).toBe(TRADEMARK_OFFICE_SEARCH_URL)
    await opened.close()
    const notice = form.getByTestId('trademark-lookup-notice')
    await expect.poll(() => notice.textContent()).toContain(`已复制注册号 ${mark.regNo}`)
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(mark.regNo)
    // The look-up fills today's date; the clerk can change it.
    const queryDate = form.getByLabel('查询日期')
    await expect.poll(() => queryDate.inputValue()).toBe(todayIn())
    await page.screenshot({ path: join(SHOTS, 'platform-trademark-lookup.png') })
    await form.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => form.count()).toBe(0)
    await expect
      .poll(async () => (await h()['trademarks.list']({})).find((t) => t.id === mark.id)?.queryDate)
      .toBe(todayIn())
  })

  it('a 商标查询截图 imports onto the trademark', async () => {
    const [mark] = await h()['trademarks.list']({})
    if (!mark) throw new Error('no demo trademark')
    // The drawer is open behind the closed form.
    await page.getByRole('combobox', { name: '文件用途' }).click()
    await page.getByRole('option', { name: '商标查询截图（商标流程）' }).click()
    const shot = join(session.temp.dir, '商标查询截图.png')
    writeFileSync(
      shot,
      await sharp({ create: { width: 1280, height: 800, channels: 3, background: '#f4f6fa' } })
        .png()
        .toBuffer(),
    )
    await page.locator('[data-testid="dropzone"] input[type="file"]').setInputFiles([shot])
    await expect
      .poll(() => page.getByTestId('import-outcome').first().textContent())
      .toContain('已导入')
    const documents = await h()['documents.list']({ ownerKind: 'trademark', ownerId: mark.id })
    expect(documents.map((d) => d.requirement)).toContain('trademark_query_screenshot')
    await page.screenshot({ path: join(SHOTS, 'platform-query-screenshot.png'), fullPage: true })
    await page.keyboard.press('Escape')
  })

  it('设置: the email route’s recipient is saved, and refused when invalid', async () => {
    await nav().getByText('设置').click()
    const card = page.getByTestId('email-recipient-settings')
    await expect.poll(() => card.textContent()).toContain('平台帮助页没有给出邮件提交的收件地址')
    const input = card.getByTestId('email-recipient')
    expect(await input.inputValue()).toBe('')
    await input.fill('not-an-address')
    await card.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => card.textContent()).toContain('不是有效的邮箱地址')
    expect(await h()['settings.emailRecipient']({})).toEqual({ address: null })
    await card.scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(SHOTS, 'platform-email-refused.png') })
    await input.fill('qualify@example.com')
    await card.getByRole('button', { name: '保存' }).click()
    await expect
      .poll(() => card.getByTestId('email-recipient-saved').textContent())
      .toContain('qualify@example.com')
    expect(await h()['settings.emailRecipient']({})).toEqual({ address: 'qualify@example.com' })
    await card.scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(SHOTS, 'platform-email-saved.png') })
  })

  it('in English, none of these labels shows Chinese', async () => {
    await h()['settings.setLanguage']({ language: 'en' })
    try {
      await page.reload()
      // Settings: the email card.
      await nav().getByText('Settings').click()
      const card = page.getByTestId('email-recipient-settings')
      await expect.poll(() => card.textContent()).toContain('gives no address for the email route')
      expect(await card.textContent()).not.toMatch(CJK)
      await card.getByTestId('email-recipient').fill('bad address')
      await card.getByRole('button', { name: 'Save' }).click()
      await expect.poll(() => card.textContent()).toContain('Not a valid email address')
      expect(await card.textContent()).not.toMatch(CJK)

      // The wizard's account step.
      await nav().getByText('Packets').click()
      const back = page.getByRole('button', { name: 'Back to list' })
      if (await back.isVisible()) await back.click()
      await page.getByTestId('packets-table').getByText('山岚设计', { exact: true }).click()
      await page.getByRole('button', { name: 'Account' }).click()
      const note = page.getByTestId('account-type-note')
      await expect.poll(() => note.textContent()).toContain('Enterprise:')
      expect(await note.textContent()).not.toMatch(CJK)
      const wrapper = page.locator('.mantine-InputWrapper-root', {
        has: page.getByTestId('account-industry'),
      })
      expect(await wrapper.locator('label').textContent()).toBe('Account industry (account info) *')
      expect(await wrapper.locator('.mantine-InputWrapper-description').textContent()).not.toMatch(
        CJK,
      )
      const inline = page.getByTestId('account-industry-warning')
      await expect.poll(() => inline.textContent()).toContain('R3 (account industry)')
      expect(await inline.textContent()).not.toMatch(CJK)
      await page.screenshot({ path: join(SHOTS, 'platform-account-en.png'), fullPage: true })

      // The trademark form's look-up and 查询日期.
      const [mark] = await h()['trademarks.list']({})
      if (!mark) throw new Error('no demo trademark')
      await openTrademarkForm(mark.regNo, 'Trademarks', 'Edit')
      const form = page.getByRole('dialog').filter({ hasText: 'Save' })
      const button = form.getByTestId('trademark-lookup')
      expect(await button.textContent()).not.toMatch(CJK)
      const popup = page.context().waitForEvent('page')
      await button.click()
      await (await popup).close()
      const notice = form.getByTestId('trademark-lookup-notice')
      await expect.poll(() => notice.textContent()).toContain('Copied registration no.')
      expect(await notice.textContent()).not.toMatch(CJK)
      const dateWrapper = form.locator('.mantine-InputWrapper-root', {
        has: page.getByLabel('Query date'),
      })
      expect(await dateWrapper.textContent()).not.toMatch(CJK)
      await page.screenshot({ path: join(SHOTS, 'platform-trademark-en.png') })
      await page.keyboard.press('Escape')
    } finally {
      await h()['settings.setLanguage']({ language: 'zh-CN' })
    }
    expect(session.problems).toEqual([])
  })
})
