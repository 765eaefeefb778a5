import { openApp, SHOTS, type AppSession } from '../helpers/app-session'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

/**
 * Issue 13 item 10: from an empty library, the screens say what to do first and do it; the
 * wizard's dropdowns create records in place without losing the draft; the prerequisite ticks
 * are saved with the packet.
 */

let session: AppSession
let page: Page
let problems: string[]

beforeAll(async () => {
  session = await openApp()
  ;({ page, problems } = session)
})
afterAll(async () => {
  await session?.close()
})
// Each test starts from a fresh page in Chinese: one that fails leaves nothing over the next.
beforeEach(async () => {
  await session.running.backend.handlers['settings.setLanguage']({ language: 'zh-CN' })
  await page.reload()
})

const handlers = () => session.running.backend.handlers
const CJK = /[\u3400-\u9fff\uff08\uff09\u3001\u3002\uff1a]/

async function newCompany(name: string) {
  const form = page.getByRole('dialog', { name: '新建公司' })
  await expect.poll(() => form.isVisible()).toBe(true)
  await form.getByLabel('公司名称').fill(name)
  await form.getByRole('button', { name: '保存' }).click()
  await expect.poll(() => form.count()).toBe(0)
}

describe('first run (issue 13 item 10)', () => {
  it('English: the empty screens have no Chinese', async () => {
    await handlers()['settings.setLanguage']({ language: 'en' })
    await page.reload()
    await page.getByRole('navigation').getByText('Library').click()
    const empty = page.getByTestId('library-empty')
    await expect.poll(() => empty.isVisible()).toBe(true)
    expect(await empty.textContent()).not.toMatch(CJK)
    await page.screenshot({ path: join(SHOTS, 'first-run-library-english.png') })
    await page.getByRole('navigation').getByText('Packets').click()
    const packets = page.getByTestId('packets-empty')
    await expect.poll(() => packets.getByRole('button').isVisible()).toBe(true)
    expect(await packets.textContent()).not.toMatch(CJK)
    await handlers()['settings.setLanguage']({ language: 'zh-CN' })
    await page.reload()
  })

  it('an empty packet list says a packet needs a company first, and creates it', async () => {
    await page.getByRole('navigation').getByText('资质包').click()
    const empty = page.getByTestId('packets-empty')
    await expect.poll(() => empty.getByText('请先在资料库建公司').isVisible()).toBe(true)
    await page.screenshot({ path: join(SHOTS, 'first-run-packets.png') })
    await empty.getByRole('button', { name: '先建公司' }).click()
    await newCompany('上海一号文化有限公司')
    // Then the new packet opens.
    await expect.poll(() => page.getByText('已注册小红书账号并绑定手机号').isVisible()).toBe(true)
    expect((await handlers()['companies.list']({})).map((c) => c.name)).toEqual([
      '上海一号文化有限公司',
    ])
    await page.getByRole('button', { name: '返回列表' }).click()
    expect(problems).toEqual([])
  })

  it('an empty library offers 先建公司 and 导入营业执照, which lands on the licence import', async () => {
    // Back to an empty library: the company made above goes to the recycle bin.
    for (const made of await handlers()['companies.list']({})) {
      await handlers()['library.delete']({ kind: 'company', id: made.id })
    }
    await page.getByRole('navigation').getByText('资料库').click()
    const empty = page.getByTestId('library-empty')
    await expect.poll(() => empty.isVisible()).toBe(true)
    await page.screenshot({ path: join(SHOTS, 'first-run-library.png') })

    await empty.getByRole('button', { name: '导入营业执照' }).click()
    await newCompany('杭州二号科技有限公司')
    // The company's drawer opens at the licence import.
    const drawer = page.getByRole('dialog', { name: '杭州二号科技有限公司' })
    await expect.poll(() => drawer.isVisible()).toBe(true)
    expect(await drawer.getByLabel('文件用途').inputValue()).toBe('营业执照')
    await page.screenshot({ path: join(SHOTS, 'first-run-licence-import.png') })
    await page.keyboard.press('Escape')
    await expect.poll(() => empty.count()).toBe(0)

    // 先建公司 too, once the list has one (the empty state is gone): the library's own 新建.
    await page.getByRole('button', { name: '新建', exact: true }).click()
    await newCompany('苏州三号传媒有限公司')
    await expect
      .poll(() => page.getByTestId('companies-table').getByText('苏州三号传媒有限公司').isVisible())
      .toBe(true)
  })

  it('the wizard creates a company and a trademark in place, keeping the draft; ticks persist', async () => {
    await page.getByRole('navigation').getByText('资质包').click()
    await page.getByRole('button', { name: '新建资质包' }).click()
    // Ticks on a new packet, before it is first saved.
    await page.getByText('已注册小红书账号并绑定手机号').click()
    await page.getByText('已完成专业号认证').click()
    await page.getByRole('button', { name: '下一步' }).click()
    await page.getByLabel('账号名字').fill('一号小店')

    // 新建… in the applicant dropdown: the form opens over the wizard, the company is chosen.
    await page.getByLabel('申请主体（公司）').first().click()
    await page.getByRole('option', { name: '＋ 新建公司…' }).click()
    await page.screenshot({ path: join(SHOTS, 'first-run-wizard-new-company.png') })
    await newCompany('宁波四号贸易有限公司')
    await expect
      .poll(() => page.getByLabel('申请主体（公司）').first().inputValue())
      .toBe('宁波四号贸易有限公司')
    expect(await page.getByLabel('账号名字').inputValue()).toBe('一号小店')

    // 新建… in the trademarks dropdown.
    await page.getByLabel('使用的商标').first().click()
    await page.getByRole('option', { name: '＋ 新建商标…' }).click()
    const form = page.getByRole('dialog', { name: '新建商标' })
    await form.getByLabel('商标字符（按注册证）').fill('一号')
    await form.getByLabel('注册号').fill('12345678')
    await form
      .getByLabel(/^注册人/)
      .first()
      .click()
    await page.getByRole('option', { name: '宁波四号贸易有限公司（公司）' }).click()
    await form.getByRole('button', { name: '保存' }).click()
    await expect.poll(() => form.count()).toBe(0)
    await expect
      .poll(() => page.locator('.mantine-Pill-label', { hasText: '一号（12345678）' }).isVisible())
      .toBe(true)
    expect(await page.getByLabel('账号名字').inputValue()).toBe('一号小店')
    await page.screenshot({ path: join(SHOTS, 'first-run-wizard-after.png'), fullPage: true })

    // Saved when leaving the account step; the ticks with it.
    await page.getByRole('button', { name: '下一步' }).click()
    await expect
      .poll(async () => (await handlers()['packets.list']({}))[0]?.prerequisites)
      .toEqual({ xhsAccountWithPhone: true, professionalCertified: true })
    const saved = (await handlers()['packets.list']({}))[0]
    expect(saved?.accountName).toBe('一号小店')
    expect(saved?.trademarkIds).toHaveLength(1)

    // Reopened: the ticks are shown again; a third tick autosaves too.
    await page.getByRole('button', { name: '返回列表' }).click()
    await page.getByTestId('packets-table').getByText('一号小店', { exact: true }).click()
    const tick = (label: string) => page.getByRole('checkbox', { name: label })
    await expect.poll(() => tick('已注册小红书账号并绑定手机号').isChecked()).toBe(true)
    expect(await tick('已完成专业号认证').isChecked()).toBe(true)
    expect(await tick('选择的是“广告主账号”（不是代理商账号）').isChecked()).toBe(false)
    await tick('选择的是“广告主账号”（不是代理商账号）').click()
    await expect
      .poll(async () => (await handlers()['packets.list']({}))[0]?.prerequisites.advertiserAccount)
      .toBe(true)
    await page.getByRole('button', { name: '返回列表' }).click()
    await page.getByTestId('packets-table').getByText('一号小店', { exact: true }).click()
    await expect.poll(() => tick('选择的是“广告主账号”（不是代理商账号）').isChecked()).toBe(true)
    await page.screenshot({ path: join(SHOTS, 'first-run-ticks-reopened.png') })
    expect(problems).toEqual([])
  })
})
