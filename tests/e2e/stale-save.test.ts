import { join } from 'node:path'
import type { Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, todayIn } from '../../shared/dates'
import { purposesFor } from '../../shared/rules/requirement-derive'
import type { Company, Packet, Trademark } from '../../shared/library/schemas'
import { openApp, SHOTS, type AppSession } from '../helpers/app-session'

/**
 * Two tabs of the same browser host edit the same record (issue 11 item 4): the second save,
 * made from the version before the first, is refused in the form (STALE) naming who changed it
 * and when; the clerk's input stays; 重新加载 shows the current record; a save then succeeds.
 * Tab B's list refreshes live while its form is open: the form keeps the version it was opened
 * from, or the refusal would never come.
 */
let session: AppSession
let pageA: Page
let pageB: Page
let company: Company
let trademark: Trademark
let packet: Packet
const problems: string[] = []

const OLD_NAME = '上海青禾文化传媒有限公司'
const A_NAME = '上海青禾文化传媒（集团）有限公司'

beforeAll(async () => {
  session = await openApp({ height: 900 })
  pageA = session.page
  const h = session.running.backend.handlers
  company = await h['companies.save']({ name: OLD_NAME, region: 'domestic' })
  trademark = await h['trademarks.save']({
    regNo: '45678901',
    text: '青禾',
    registrant: { kind: 'company', id: company.id },
    status: 'registered',
  })
  packet = await h['packets.save']({
    applicantCompanyId: company.id,
    accountType: 'enterprise',
    accountName: '青禾官方账号',
    promotedSubject: 'none',
    industries: [],
    trademarkIds: [],
  })
  pageB = await session.browser.newPage({ viewport: { width: 1400, height: 900 } })
  pageB.on('pageerror', (e) => problems.push(e.message))
  await pageB.goto(session.running.host.url)
  for (const page of [pageA, pageB]) {
    // The app opens on 今日.
    await page.getByRole('navigation').getByText('资料库').click()
    await page
      .getByTestId('companies-table')
      .getByText(OLD_NAME)
      .waitFor({ state: 'visible', timeout: 15_000 })
  }
})
afterAll(async () => {
  await session?.close()
})

const dialog = (page: Page) => page.getByRole('dialog').filter({ hasText: '保存' })

async function editCompany(page: Page, name: string): Promise<void> {
  await page.getByTestId('companies-table').getByText(name).click()
  await page.getByRole('button', { name: '编辑', exact: true }).click()
  await expect.poll(() => dialog(page).getByLabel('公司名称').inputValue()).toBe(name)
}

async function closeDrawer(page: Page): Promise<void> {
  await page.keyboard.press('Escape')
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0)
}

describe('a save from a stale version (two tabs, one host)', () => {
  it('company: B is refused naming the change, keeps its text, reloads A’s value, saves', async () => {
    await editCompany(pageA, OLD_NAME)
    await editCompany(pageB, OLD_NAME)

    // B starts typing; A saves a new name meanwhile.
    const notesB = dialog(pageB).getByLabel('备注')
    await notesB.fill('B：请核对经营范围（尚未保存）')
    await dialog(pageA).getByLabel('公司名称').fill(A_NAME)
    await dialog(pageA).getByRole('button', { name: '保存' }).click()
    await expect.poll(() => dialog(pageA).count()).toBe(0)

    // B's list follows live; B's open form does not (neither its fields nor its version).
    await expect
      .poll(() => pageB.getByTestId('companies-table').getByText(A_NAME).isVisible())
      .toBe(true)
    expect(await dialog(pageB).getByLabel('公司名称').inputValue()).toBe(OLD_NAME)

    await dialog(pageB).getByRole('button', { name: '保存' }).click()
    const alert = dialog(pageB).getByTestId('stale-alert')
    await expect.poll(() => alert.isVisible()).toBe(true)
    const message = (await alert.textContent()) ?? ''
    expect(message).toContain('该公司已被')
    expect(message).toContain(`“${session.running.backend.context.library.actor}”`)
    expect(message).toMatch(/于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 修改过/)
    expect(message).toContain('重新加载会用最新内容替换你的输入')
    // Nothing B typed is lost; nothing was saved.
    expect(await notesB.inputValue()).toBe('B：请核对经营范围（尚未保存）')
    expect(await dialog(pageB).getByLabel('公司名称').inputValue()).toBe(OLD_NAME)
    const [stored] = await session.running.backend.handlers['companies.list']({})
    expect(stored).toMatchObject({ name: A_NAME, notes: '', version: 2 })
    await pageB.screenshot({ path: join(SHOTS, 'stale-company-zh.png') })

    // 继续编辑 hides the alert and keeps the input; saving again is still refused.
    await alert.getByRole('button', { name: '继续编辑' }).click()
    await expect.poll(() => alert.count()).toBe(0)
    expect(await notesB.inputValue()).toBe('B：请核对经营范围（尚未保存）')
    await dialog(pageB).getByRole('button', { name: '保存' }).click()
    await expect.poll(() => alert.isVisible()).toBe(true)

    // 重新加载: A's record replaces B's input; the alert goes; B saves from the new version.
    await alert.getByRole('button', { name: '重新加载' }).click()
    await expect.poll(() => dialog(pageB).getByLabel('公司名称').inputValue()).toBe(A_NAME)
    expect(await notesB.inputValue()).toBe('')
    expect(await alert.count()).toBe(0)
    await notesB.fill('B：经营范围已核对')
    await dialog(pageB).getByRole('button', { name: '保存' }).click()
    await expect.poll(() => dialog(pageB).count()).toBe(0)
    const [after] = await session.running.backend.handlers['companies.list']({})
    expect(after).toMatchObject({ name: A_NAME, notes: 'B：经营范围已核对', version: 3 })

    // Editing again at once starts from the saved record (its new version), not refused.
    await pageB.getByRole('button', { name: '编辑', exact: true }).click()
    await dialog(pageB).getByLabel('备注').fill('B：第二次保存')
    await dialog(pageB).getByRole('button', { name: '保存' }).click()
    await expect.poll(() => dialog(pageB).count()).toBe(0)
    const [again] = await session.running.backend.handlers['companies.list']({})
    expect(again).toMatchObject({ notes: 'B：第二次保存', version: 4 })
    await closeDrawer(pageA)
    await closeDrawer(pageB)
  })

  it('packet wizard: an autosave after another tab’s save is refused; reload, then autosaves go on', async () => {
    const h = session.running.backend.handlers
    const stored = async () => (await h['packets.list']({})).find((p) => p.id === packet.id)
    for (const page of [pageA, pageB]) {
      await page.getByRole('link', { name: '资质包' }).click()
      await page.getByTestId('packets-table').getByText('青禾官方账号', { exact: true }).click()
      await page.getByRole('button', { name: '账号信息' }).click()
      await expect
        .poll(() => page.getByRole('textbox', { name: '账号名字' }).inputValue())
        .toBe('青禾官方账号')
    }
    await pageA.getByRole('textbox', { name: '账号名字' }).fill('青禾旗舰店')
    await expect.poll(async () => (await stored())?.accountName).toBe('青禾旗舰店')

    await pageB.getByRole('textbox', { name: '账号名字' }).fill('青禾官方账号（B）')
    const alert = pageB.getByTestId('stale-alert')
    await expect.poll(() => alert.isVisible()).toBe(true)
    expect(await alert.textContent()).toContain('该资质包已被')
    expect(await pageB.getByRole('textbox', { name: '账号名字' }).inputValue()).toBe(
      '青禾官方账号（B）',
    )
    expect((await stored())?.accountName).toBe('青禾旗舰店')
    await pageB.screenshot({ path: join(SHOTS, 'stale-packet-zh.png') })

    await alert.getByRole('button', { name: '重新加载' }).click()
    await expect
      .poll(() => pageB.getByRole('textbox', { name: '账号名字' }).inputValue())
      .toBe('青禾旗舰店')
    expect(await alert.count()).toBe(0)
    // Two autosaves in a row, each from the version the one before returned.
    await pageB.getByRole('textbox', { name: '账号名字' }).fill('青禾旗舰店（B）')
    await expect.poll(async () => (await stored())?.accountName).toBe('青禾旗舰店（B）')
    await pageB.getByRole('textbox', { name: '账号名字' }).fill('青禾旗舰店（B2）')
    await expect.poll(async () => (await stored())?.accountName).toBe('青禾旗舰店（B2）')
    expect(await alert.count()).toBe(0)
    for (const page of [pageA, pageB]) {
      await page.getByRole('button', { name: '返回列表' }).click()
      await page.getByRole('link', { name: '资料库' }).click()
    }
  })

  it('document date: an untouched field follows the list; a typed one is refused, then reloaded', async () => {
    const h = session.running.backend.handlers
    const image = await sharp({
      create: { width: 800, height: 600, channels: 3, background: '#e8d9b0' },
    })
      .jpeg()
      .toBuffer()
    const document = await h['documents.import']({
      ownerKind: 'company',
      ownerId: company.id,
      requirement: purposesFor('company')[0] ?? '',
      fileName: '营业执照.jpg',
      dataBase64: image.toString('base64'),
    })
    const [first, second, third] = [30, 60, 90].map((days) => addDays(todayIn(), days))
    const dateIn = (page: Page) => page.getByLabel('有效期至（选填）')
    for (const page of [pageA, pageB]) {
      await page.getByTestId('companies-table').getByText(A_NAME).click()
      await dateIn(page).waitFor({ state: 'visible', timeout: 15_000 })
    }
    const stored = async () =>
      (await h['documents.list']({ ownerKind: 'company', ownerId: company.id })).find(
        (d) => d.id === document.id,
      )

    // A sets a date; B, who has not touched the field, sees it arrive.
    await dateIn(pageA).fill(first ?? '')
    await dateIn(pageA).blur()
    await expect.poll(async () => (await stored())?.validUntil).toBe(first)
    await expect.poll(() => dateIn(pageB).inputValue()).toBe(first)

    // B types (not yet saved); A saves another date; B's typed date stays, and its save is refused.
    await dateIn(pageB).fill(second ?? '')
    await dateIn(pageA).fill(third ?? '')
    await dateIn(pageA).blur()
    await expect.poll(async () => (await stored())?.validUntil).toBe(third)
    expect(await dateIn(pageB).inputValue()).toBe(second)
    await dateIn(pageB).blur()
    const alert = pageB.getByTestId('stale-alert')
    await expect.poll(() => alert.isVisible()).toBe(true)
    expect(await alert.textContent()).toContain('该文件记录已被')
    await alert.scrollIntoViewIfNeeded()
    await pageB.screenshot({ path: join(SHOTS, 'stale-document-zh.png') })
    expect(await dateIn(pageB).inputValue()).toBe(second)
    expect((await stored())?.validUntil).toBe(third)

    await alert.getByRole('button', { name: '重新加载' }).click()
    await expect.poll(() => dateIn(pageB).inputValue()).toBe(third)
    expect(await alert.count()).toBe(0)
    await dateIn(pageB).fill(second ?? '')
    await dateIn(pageB).blur()
    await expect.poll(async () => (await stored())?.validUntil).toBe(second)
    expect(await alert.count()).toBe(0)
    await closeDrawer(pageA)
    await closeDrawer(pageB)
  })

  it('trademark, in English: the alert, Reload, then the save goes through', async () => {
    const h = session.running.backend.handlers
    await h['settings.setLanguage']({ language: 'en' })
    for (const page of [pageA, pageB]) {
      await page.reload()
      await page.getByRole('tab', { name: 'Trademarks' }).click()
      await page.getByTestId('trademarks-table').getByText('45678901').click()
      await page.getByRole('button', { name: 'Edit', exact: true }).click()
    }
    const form = (page: Page) => page.getByRole('dialog').filter({ hasText: 'Save' })
    await form(pageA).getByLabel('Notes').fill('A: certificate renewed')
    await form(pageA).getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => form(pageA).count()).toBe(0)

    await form(pageB).getByLabel('Notes').fill('B: check the class')
    await form(pageB).getByRole('button', { name: 'Save' }).click()
    const alert = form(pageB).getByTestId('stale-alert')
    await expect.poll(() => alert.isVisible()).toBe(true)
    expect(await alert.textContent()).toContain('This record changed after you opened it')
    expect(await alert.textContent()).toContain('该商标已被')
    expect(await form(pageB).getByLabel('Notes').inputValue()).toBe('B: check the class')
    await pageB.screenshot({ path: join(SHOTS, 'stale-trademark-en.png') })

    await alert.getByRole('button', { name: 'Reload' }).click()
    await expect
      .poll(() => form(pageB).getByLabel('Notes').inputValue())
      .toBe('A: certificate renewed')
    await form(pageB).getByLabel('Notes').fill('A: certificate renewed; B: class checked')
    await form(pageB).getByRole('button', { name: 'Save' }).click()
    await expect.poll(() => form(pageB).count()).toBe(0)
    const [mark] = await h['trademarks.list']({})
    expect(mark).toMatchObject({
      id: trademark.id,
      notes: 'A: certificate renewed; B: class checked',
      version: 3,
    })
    await h['settings.setLanguage']({ language: 'zh-CN' })
    expect(problems).toEqual([])
    expect(session.problems).toEqual([])
  })
})
