import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, todayIn } from '../../shared/dates'
import { usccCheckChar } from '../../shared/validators/uscc'
import { openApp, type AppSession } from '../helpers/app-session'

let session: AppSession
/** Two tabs of the same browser host: A edits, B only watches. */
let pageA: Page
let pageB: Page
const problems: string[] = []

function uscc(first17: string): string {
  return first17 + (usccCheckChar(first17) ?? '0')
}

beforeAll(async () => {
  session = await openApp({ height: 900 })
  pageA = session.page
  pageB = await session.browser.newPage({ viewport: { width: 1400, height: 900 } })
  pageB.on('pageerror', (e) => problems.push(e.message))
  await pageB.goto(session.running.host.url)
  for (const page of [pageA, pageB]) {
    // The app opens on 今日.
    await page.getByRole('navigation').getByText('资料库').click()
    await page.getByTestId('companies-table').waitFor({ state: 'visible', timeout: 15_000 })
  }
  // Survives only as long as the page is not reloaded.
  await pageB.evaluate(() => {
    ;(globalThis as unknown as { notReloaded: boolean }).notReloaded = true
  })
})
afterAll(async () => {
  await session?.close()
})

async function saveCompanyIn(page: Page, name: string, code: string): Promise<void> {
  await page.getByRole('button', { name: '新建' }).click()
  await page.getByLabel('公司名称').first().fill(name)
  await page.getByLabel('统一社会信用代码').first().fill(code)
  await page.getByRole('button', { name: '保存' }).click()
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0)
}

describe('live refresh across tabs (library.changed over server-sent events)', () => {
  it('a company saved in tab A appears in tab B’s list without a reload', async () => {
    await saveCompanyIn(pageA, '上海青禾文化传媒有限公司', uscc('91310000MA1FL0000'))
    await expect
      .poll(() =>
        pageB.getByTestId('companies-table').getByText('上海青禾文化传媒有限公司').isVisible(),
      )
      .toBe(true)
    expect(await pageB.evaluate(() => (globalThis as { notReloaded?: boolean }).notReloaded)).toBe(
      true,
    )
  })

  it('keeps what the clerk is typing in tab B while its list refreshes', async () => {
    await pageB.getByRole('button', { name: '新建' }).click()
    const nameB = pageB.getByRole('dialog').getByLabel('公司名称')
    await nameB.fill('杭州白杨广告（尚未保存）')
    await saveCompanyIn(pageA, '北京远山品牌管理有限公司', uscc('91110000MA01AB000'))
    await expect
      .poll(() =>
        pageB.getByTestId('companies-table').getByText('北京远山品牌管理有限公司').isVisible(),
      )
      .toBe(true)
    expect(await nameB.inputValue()).toBe('杭州白杨广告（尚未保存）')
    await pageB.getByRole('button', { name: '取消' }).click()
  })

  it('the expiry dashboard follows a change made elsewhere (here: straight on the backend)', async () => {
    await pageB.getByRole('tab', { name: '到期提醒' }).click()
    await expect.poll(() => pageB.getByText('90 天内没有到期').isVisible()).toBe(true)
    const handlers = session.running.backend.handlers
    const [company] = await handlers['companies.list']({})
    if (!company) throw new Error('no company saved')
    await handlers['trademarks.save']({
      regNo: '45678901',
      text: '青禾',
      registrant: { kind: 'company', id: company.id },
      status: 'registered',
      validUntil: addDays(todayIn(), 45),
    })
    await expect
      .poll(() => pageB.getByTestId('expiry-table').getByText('青禾').first().isVisible())
      .toBe(true)
  })

  it('the packet list follows too, and a tab whose stream was cut catches up on reconnecting', async () => {
    await pageB.getByRole('link', { name: '资质包' }).click()
    await pageB.getByRole('button', { name: '新建资质包' }).waitFor({ timeout: 15_000 })
    const { backend, host } = session.running
    const [company] = await backend.handlers['companies.list']({})
    if (!company) throw new Error('no company saved')
    const packet = (accountName: string) =>
      backend.handlers['packets.save']({
        applicantCompanyId: company.id,
        accountType: 'enterprise',
        accountName,
        promotedSubject: 'none',
        industries: [],
        trademarkIds: [],
      })
    await packet('青禾官方账号')
    await expect
      .poll(() => pageB.getByTestId('packets-table').getByText('青禾官方账号').isVisible())
      .toBe(true)
    // Cut every connection (as a host restart or a sleeping laptop would); change the library
    // while no tab listens; the tabs reconnect with back-off and refetch what they missed.
    host.server.closeAllConnections()
    await expect.poll(() => backend.events.listenerCount).toBe(0)
    await packet('青禾旗舰店')
    await expect
      .poll(() => pageB.getByTestId('packets-table').getByText('青禾旗舰店').isVisible())
      .toBe(true)
    await expect.poll(() => backend.events.listenerCount).toBe(2)

    // A burst of changes (five saves 30 ms apart, each its own message) is one refetch, not
    // five (two allowed: a loaded machine may stretch a gap past the 200 ms debounce).
    let lists = 0
    pageB.on('request', (request) => {
      if (request.url().endsWith('/api/packets.list')) lists++
    })
    for (let i = 1; i <= 5; i++) {
      await packet(`青禾批量账号${i}`)
      await new Promise((resolve) => setTimeout(resolve, 30))
    }
    await expect
      .poll(() => pageB.getByTestId('packets-table').getByText('青禾批量账号5').isVisible())
      .toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect(lists).toBeGreaterThanOrEqual(1)
    expect(lists).toBeLessThanOrEqual(2)
    expect(await pageB.evaluate(() => (globalThis as { notReloaded?: boolean }).notReloaded)).toBe(
      true,
    )
    expect(problems).toEqual([])
    expect(session.problems).toEqual([])
  })
})
