import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fakeScan } from '../../electron/services/demo/scans'
import type { Handlers } from '../../shared/contract'
import { addDays, todayIn } from '../../shared/dates'
import { openApp, SHOTS, type AppSession } from '../helpers/app-session'
import { stampFreeOn } from '../helpers/r6'

let session: AppSession
let page: Page
let h: Handlers
/** The demo is loaded as of the app's today (loadDemo dates its records from it). */
const today = todayIn()

beforeAll(async () => {
  session = await openApp({ demo: true, height: 900 })
  ;({ page } = session)
  await page.setViewportSize({ width: 1440, height: 900 })
  h = session.running.backend.handlers
  const packets = await h['packets.list']({})
  const byName = (name: string) => {
    const p = packets.find((x) => x.accountName === name)
    if (!p) throw new Error(`demo lacks ${name}`)
    return p
  }
  const qinghe = (await h['companies.list']({})).find((c) => c.name === '上海青禾文化传媒有限公司')
  const zhang = (await h['persons.list']({})).find((p) => p.name === '张伟')
  if (!qinghe || !zhang) throw new Error('demo changed')
  // A trademark application whose three months (R6) end today, in a packet of its own.
  const free = await h['trademarks.save']({
    text: '青禾严选',
    regNo: '78901299',
    class: 35,
    registrant: { kind: 'company', id: qinghe.id },
    status: 'application_accepted',
    acceptanceDate: stampFreeOn(today),
  })
  await h['packets.save']({
    applicantCompanyId: qinghe.id,
    accountType: 'enterprise',
    accountName: '青禾严选店',
    promotedSubject: 'none',
    industries: [],
    trademarkIds: [free.id],
  })
  // A letter waiting for signatures (山岚 → 青禾), and one whose signed scan arrived today.
  await h['letters.generateForPacket']({ packetId: byName('山岚旗舰店').id })
  const { letters } = await h['letters.generateForPacket']({ packetId: byName('禾木生活').id })
  const signed = letters[0]
  if (!signed) throw new Error('no letter for 禾木生活')
  await h['documents.import']({
    ownerKind: 'relation',
    ownerId: signed.relationId,
    requirement: 'authorization_letter',
    fileName: '授权书-签字.jpg',
    dataBase64: (await fakeScan('授权书', ['张伟 签字'])).toString('base64'),
  })
  // A rejected packet, and a mark that expired today (valid until yesterday).
  await h['packets.recordSubmission']({
    packetId: byName('Maple枫叶').id,
    submittedOn: addDays(today, -2),
    result: 'rejected',
    reasons: '头像与品牌不一致',
    tags: ['头像'],
  })
  await h['trademarks.save']({
    text: '昨日',
    regNo: '55554444',
    class: 9,
    registrant: { kind: 'person', id: zhang.id },
    status: 'registered',
    validUntil: addDays(today, -1),
  })
  // No reload (the host's session lives in the page): the page refetches on the library's events.
}, 120_000)
afterAll(async () => {
  await session?.close()
})

const section = (id: string) => page.getByTestId(id)
const backToToday = async () => {
  await page.getByRole('navigation').getByText('今日').click()
  await section('today-changes').waitFor({ state: 'visible' })
}

describe('今日, the first page', () => {
  it('opens first, and shows what changed, what waits, what expires and what was rejected', async () => {
    const nav = page.getByRole('navigation').getByRole('link')
    expect(await nav.first().textContent()).toBe('今日')
    await expect.poll(() => page.getByTestId('today-date').textContent()).toBe(today)

    const changes = section('today-changes')
    // The page refetches as the setup's writes arrive: wait for the last of them.
    await expect.poll(() => changes.textContent()).toContain('商标“昨日（55554444）”今天起已过期')
    expect(await changes.textContent()).toContain(
      '商标“青禾严选”受理满三个月的等待期（R6）今天结束',
    )
    expect(await changes.textContent()).toContain('仍有缺项')
    expect(await changes.textContent()).toContain(
      '授权书签字扫描件今天已导入：张伟 → 上海青禾文化传媒有限公司',
    )

    const letters = section('today-letters')
    expect(await letters.textContent()).toContain(
      '杭州山岚品牌管理有限公司 → 上海青禾文化传媒有限公司',
    )
    expect(await letters.textContent()).toContain('资质包：山岚旗舰店')
    // The signed one no longer waits.
    expect(await letters.textContent()).not.toContain('张伟 →')

    const rejected = section('today-rejected')
    expect(await rejected.textContent()).toContain('Maple枫叶')
    expect(await rejected.textContent()).toContain('头像与品牌不一致')

    const expiring = section('today-expiring')
    const shanlan = expiring.getByRole('row').filter({ hasText: '山岚（56789012）' })
    expect(await shanlan.textContent()).toContain('还有 60 天')
    expect(await shanlan.textContent()).toContain('山岚旗舰店')
    const smith = expiring.getByRole('row').filter({ hasText: 'Smith & Co' })
    expect(await smith.textContent()).toContain('已过期 30 天')
    expect(await expiring.textContent()).not.toMatch(/(?<!\d)-\d/)

    // The timeline: a mark per dated item, coloured by urgency, titled with what it is.
    const marks = page.getByTestId('timeline-mark')
    const overview = await h['overview.today']({})
    // The dated items arrive after the page's head (issue 14): wait for them.
    await expect.poll(() => marks.count()).toBe(overview.timeline.length)
    expect(overview.timeline.length).toBeGreaterThanOrEqual(5)
    const titles = await marks.locator('title').allTextContents()
    expect(titles).toContain(`商标：山岚（56789012） · ${addDays(today, 60)} · 还有 60 天`)
    expect(
      titles.some(
        (t) => t.startsWith('授权书：张伟 → 上海青禾文化传媒有限公司') && t.includes('还有 365 天'),
      ),
    ).toBe(true)

    await page.screenshot({ path: join(SHOTS, 'today.png') })
    await page.getByTestId('expiry-timeline').screenshot({ path: join(SHOTS, 'timeline.png') })
    await page.screenshot({ path: join(SHOTS, 'today-full.png'), fullPage: true })
    expect(session.problems).toEqual([])
  })

  it('each row opens the place to act', async () => {
    // A change: the packet in the wizard.
    await section('today-changes')
      .getByText(/青禾严选店/)
      .click()
    const wizardTitle = () => page.getByRole('heading', { level: 2 }).first().textContent()
    await expect.poll(wizardTitle).toBe('青禾严选店')
    await expect.poll(() => page.getByText('已注册小红书账号并绑定手机号').isVisible()).toBe(true)
    await page.getByRole('button', { name: '返回列表' }).click()
    await section('today-changes').waitFor({ state: 'visible' })

    // A rejected packet: its wizard.
    await section('today-rejected').getByText('Maple枫叶').click()
    await expect.poll(wizardTitle).toBe('Maple枫叶')
    await page.getByRole('button', { name: '返回列表' }).click()

    // A letter waiting: the letter itself, to print and import its signed scan.
    await section('today-letters')
      .getByText(/杭州山岚品牌管理有限公司/)
      .click()
    const dialog = page.getByRole('dialog')
    await expect.poll(() => dialog.getByText('已生成').isVisible()).toBe(true)
    await expect.poll(() => dialog.getByTestId('letter-preview').isVisible()).toBe(true)
    await expect
      .poll(() => dialog.getByText('签字盖章后，把扫描件导入到这里：').isVisible())
      .toBe(true)
    await page.keyboard.press('Escape')
    await expect.poll(() => dialog.count()).toBe(0)

    // An expiring mark: the record's drawer in the library.
    await section('today-expiring').getByRole('row').filter({ hasText: '山岚（56789012）' }).click()
    await expect.poll(() => page.url()).toContain('#/library/trademark/')
    const drawer = page.getByRole('dialog')
    await expect
      .poll(() => drawer.getByRole('heading', { name: '山岚', exact: true }).first().isVisible())
      .toBe(true)
    await expect.poll(() => drawer.getByText('56789012').first().isVisible()).toBe(true)
    await page.keyboard.press('Escape')
    await backToToday()

    // A relation's row: its drawer.
    await section('today-expiring')
      .getByRole('row')
      .filter({ hasText: '苏州远帆贸易有限公司' })
      .first()
      .click()
    await expect.poll(() => page.url()).toContain('#/library/relation/')
    await expect
      .poll(() => page.getByRole('dialog').getByRole('heading').first().textContent())
      .toContain('→ 上海青禾文化传媒有限公司')
    await page.keyboard.press('Escape')
    await backToToday()

    // A timeline mark: its record too.
    const smithMark = page
      .getByTestId('timeline-mark')
      .filter({ has: page.locator('title', { hasText: 'Smith & Co' }) })
    await smithMark.click()
    await expect
      .poll(() =>
        page.getByRole('dialog').getByRole('heading', { name: 'Smith & Co' }).first().isVisible(),
      )
      .toBe(true)
    await page.keyboard.press('Escape')
    expect(session.problems).toEqual([])
  }, 180_000)

  it('the library’s expiry list says how long in words, and its rows open the record', async () => {
    await page.getByRole('navigation').getByText('资料库').click()
    await page.getByRole('tab', { name: '到期提醒' }).click()
    const table = page.getByTestId('expiry-table')
    const smith = table.getByRole('row').filter({ hasText: 'Smith & Co' })
    await expect.poll(() => smith.textContent()).toContain('已过期 30 天')
    expect(await table.textContent()).not.toMatch(/(?<!\d)-\d/)
    await smith.click()
    await expect
      .poll(() =>
        page.getByRole('dialog').getByRole('heading', { name: 'Smith & Co' }).first().isVisible(),
      )
      .toBe(true)
    await page.keyboard.press('Escape')
    await page.screenshot({ path: join(SHOTS, 'today-expiry-list.png') })
  })

  it('in English, no Chinese in the page’s own words', async () => {
    await page.getByRole('navigation').getByText('设置').click()
    await page.getByText('English', { exact: true }).click()
    await page.getByRole('navigation').getByText('Today').click()
    await expect.poll(() => page.getByText('Changed today').isVisible()).toBe(true)
    await expect.poll(() => page.getByTestId('timeline-mark').count()).toBeGreaterThan(0)
    // The library's own names are data; everything else must be English.
    const names = [
      ...(await h['companies.list']({})).map((c) => c.name),
      ...(await h['persons.list']({})).map((p) => p.name),
      ...(await h['trademarks.list']({})).map((t) => t.text),
      ...(await h['packets.list']({})).map((p) => p.accountName),
      '头像与品牌不一致',
      '头像',
    ].sort((a, b) => b.length - a.length)
    const strip = (text: string) => names.reduce((t, n) => t.split(n).join(''), text)
    const main = await page.locator('main').innerText()
    const titles = (
      await page.getByTestId('timeline-mark').locator('title').allTextContents()
    ).join('\n')
    const svgText = (
      await page.getByTestId('expiry-timeline').locator('text').allTextContents()
    ).join(' ')
    for (const text of [main, titles, svgText]) {
      expect(strip(text)).not.toMatch(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/)
    }
    expect(main).toContain('Expired 30 days ago')
    await page.screenshot({ path: join(SHOTS, 'today-en.png') })
    await page.getByTestId('expiry-timeline').screenshot({ path: join(SHOTS, 'timeline-en.png') })
    await page.getByRole('navigation').getByText('Settings').click()
    await page.getByText('中文', { exact: true }).click()
    expect(session.problems).toEqual([])
  })
})
