import { openApp, SHOTS, type AppSession } from '../helpers/app-session'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, todayIn } from '../../shared/dates'

let session: AppSession
let temp: AppSession['temp']
let page: Page
let problems: string[]

beforeAll(async () => {
  session = await openApp({ height: 900 })
  ;({ temp, page, problems } = session)
  // The app opens on 今日.
  await page.getByRole('navigation').getByText('资料库').click()
})
afterAll(async () => {
  await session?.close()
})

async function fill(label: string, value: string) {
  await page.getByLabel(label, { exact: false }).first().fill(value)
}

async function choose(label: string, option: string) {
  await page.getByLabel(label).first().click()
  await page.getByRole('option', { name: option }).first().click()
}

describe('library in the browser', () => {
  it('creates a company, a person and a trademark; imports two files; finds and flags the mark', async () => {
    // Company
    await page.getByRole('button', { name: '新建' }).click()
    await fill('公司名称', '上海青禾文化传媒有限公司')
    await fill('统一社会信用代码', '91310000MA1FL0000A')
    await expect.poll(() => page.getByText('校验位错误').isVisible()).toBe(true)
    await fill('统一社会信用代码', '91310000MA1FL0000N')
    await expect.poll(() => page.getByText('校验通过').isVisible()).toBe(true)
    await page.getByRole('button', { name: '保存' }).click()
    await expect
      .poll(() =>
        page.getByTestId('companies-table').getByText('上海青禾文化传媒有限公司').isVisible(),
      )
      .toBe(true)

    // Person, with an invalid then a valid number
    await page.getByRole('tab', { name: '自然人' }).click()
    await page.getByRole('button', { name: '新建' }).click()
    await fill('姓名', '张伟')
    await fill('证件号码', '110105194912310021')
    await expect.poll(() => page.getByText('校验位错误').isVisible()).toBe(true)
    await fill('证件号码', '11010519491231002X')
    await page.getByRole('button', { name: '保存' }).click()
    const persons = page.getByTestId('persons-table')
    await expect.poll(() => persons.getByText('1101**********002X').isVisible()).toBe(true)
    expect(await persons.textContent()).not.toContain('11010519491231002X')
    await persons.getByText('显示').click()
    await expect.poll(() => persons.getByText('11010519491231002X').isVisible()).toBe(true)

    // Trademark expiring within 90 days
    const validUntil = addDays(todayIn(), 45)
    await page.getByRole('tab', { name: '商标' }).click()
    await page.getByRole('button', { name: '新建' }).click()
    await fill('商标字符', '青禾')
    await fill('注册号', '45678901')
    await choose('注册人', '上海青禾文化传媒有限公司（公司）')
    await fill('注册有效期至', validUntil)
    await page.getByRole('button', { name: '保存' }).click()
    const marks = page.getByTestId('trademarks-table')
    await expect.poll(() => marks.getByText('45678901').isVisible()).toBe(true)

    // Drop two files onto the trademark
    const jpg = join(temp.dir, '青禾-注册证.jpg')
    const png = join(temp.dir, '青禾-受理通知.png')
    writeFileSync(
      jpg,
      await sharp({ create: { width: 1200, height: 1600, channels: 3, background: '#e8d9b0' } })
        .jpeg()
        .toBuffer(),
    )
    writeFileSync(
      png,
      await sharp({ create: { width: 900, height: 1200, channels: 3, background: '#c9e0f5' } })
        .png()
        .toBuffer(),
    )
    await marks.getByText('青禾', { exact: true }).click()
    await page.locator('[data-testid="dropzone"] input[type="file"]').setInputFiles([jpg, png])
    await expect.poll(() => page.getByTestId('import-outcome').count()).toBe(2)
    await expect
      .poll(() =>
        page
          .getByTestId('thumbnail')
          .evaluateAll(
            (imgs) =>
              imgs.filter((i) => (i as unknown as { naturalWidth: number }).naturalWidth > 0)
                .length,
          ),
      )
      .toBe(2)
    await page.screenshot({ path: join(SHOTS, 'library-trademark-files.png') })
    await page.keyboard.press('Escape')

    // Two-character Chinese search finds it
    await page.getByLabel('搜索资料库').fill('青禾')
    const results = page.getByTestId('search-results')
    await expect.poll(() => results.getByText('青禾（45678901）').isVisible()).toBe(true)
    await page.getByLabel('搜索资料库').fill('')

    // The expiry dashboard lists it
    await page.getByRole('tab', { name: '到期提醒' }).click()
    const expiries = page.getByTestId('expiry-table')
    await expect.poll(() => expiries.getByText('商标“青禾”（45678901）').isVisible()).toBe(true)
    await expect.poll(() => expiries.getByText('即将到期').isVisible()).toBe(true)
    await page.screenshot({ path: join(SHOTS, 'library-expiries.png') })
    expect(problems).toEqual([])
  })

  it('refuses a hostile file with a clear message and stores nothing', async () => {
    const fake = join(temp.dir, 'photo.jpg')
    writeFileSync(
      fake,
      Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(4096)]),
    )
    await page.getByRole('tab', { name: '商标' }).click()
    await page.getByTestId('trademarks-table').getByText('青禾', { exact: true }).click()
    // The two files imported above, once the drawer has loaded them.
    await expect.poll(() => page.getByTestId('thumbnail').count()).toBe(2)
    await page.locator('[data-testid="dropzone"] input[type="file"]').setInputFiles([fake])
    await expect
      .poll(() => page.getByTestId('import-outcome').first().textContent())
      .toMatch(/photo\.jpg：.*(不是图片|可执行)/)
    expect(await page.getByTestId('thumbnail').count()).toBe(2)
    await page.keyboard.press('Escape')
  })
})
