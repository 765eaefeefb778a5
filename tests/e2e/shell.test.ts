import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../helpers/browser'
import { PROJECT_ROOT } from '../helpers/cli'
import { startTestHost } from '../helpers/host'
import { tempDir } from '../helpers/temp'

const SHOTS = join(PROJECT_ROOT, 'test-results', 'screenshots')
let browser: Browser
let temp: ReturnType<typeof tempDir>

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  temp = tempDir()
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  temp?.cleanup()
})

function watchConsole(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(msg.text())
  })
  page.on('pageerror', (error) => problems.push(error.message))
  return problems
}

describe('app shell in the browser host', () => {
  it('shows the shell in Chinese; English survives a restart of the host', async () => {
    const dataDir = join(temp.dir, 'data')
    const first = await startTestHost(dataDir)
    const page = await browser.newPage()
    const problems = watchConsole(page)
    await page.goto(first.host.url)
    const nav = page.getByRole('navigation')
    await expect.poll(() => nav.getByText('资料库').isVisible()).toBe(true)
    await expect.poll(() => nav.getByText('资质包').isVisible()).toBe(true)
    await expect.poll(() => nav.getByText('设置').isVisible()).toBe(true)
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN')
    // The token left the address bar.
    expect(page.url()).not.toContain('token=')
    await page.screenshot({ path: join(SHOTS, 'shell-zh.png') })

    await nav.getByText('设置').click()
    await expect.poll(() => page.getByTestId('system-info').textContent()).toContain(dataDir)
    await page.getByText('English', { exact: true }).click()
    await expect.poll(() => nav.getByText('Settings').isVisible()).toBe(true)
    await page.waitForTimeout(600) // let the segmented control's indicator settle
    await page.screenshot({ path: join(SHOTS, 'settings-en.png') })
    await page.close()
    await first.stop()

    const second = await startTestHost(dataDir)
    const again = await browser.newPage()
    const problemsAgain = watchConsole(again)
    await again.goto(second.host.url)
    const navAgain = again.getByRole('navigation')
    await expect.poll(() => navAgain.getByText('Library').isVisible()).toBe(true)
    expect(await again.locator('html').getAttribute('lang')).toBe('en')
    await again.close()
    await second.stop()
    expect([...problems, ...problemsAgain]).toEqual([])
  })

  it('explains a missing or wrong token instead of showing an empty app', async () => {
    const running = await startTestHost(join(temp.dir, 'data2'))
    const page = await browser.newPage()
    await page.goto(`http://127.0.0.1:${running.host.port}/`)
    await expect.poll(() => page.getByText('缺少访问令牌').isVisible()).toBe(true)
    await page.goto(`http://127.0.0.1:${running.host.port}/#token=wrongwrongwrong`)
    await page.reload()
    await expect.poll(() => page.getByText('令牌已失效').isVisible()).toBe(true)
    await page.screenshot({ path: join(SHOTS, 'wrong-token.png') })
    await page.close()
    await running.stop()
  })

  it('the opener’s one-time code signs the tab in once; a reopened tab or bookmark works for the run', async () => {
    const running = await startTestHost(join(temp.dir, 'data3'))
    const context = await browser.newContext()
    try {
      const opener = running.host.openerUrl()
      expect(opener).not.toContain(running.host.token)
      const page = await context.newPage()
      const problems = watchConsole(page)
      await page.goto(opener)
      const nav = page.getByRole('navigation')
      await expect.poll(() => nav.getByText('资料库').isVisible()).toBe(true)
      expect(page.url()).not.toContain('code=')
      await page.close()
      // A bookmark of the bare address, in a new tab of the same browser: still signed in.
      const reopened = await context.newPage()
      await reopened.goto(`http://127.0.0.1:${running.host.port}/`)
      await expect
        .poll(() => reopened.getByRole('navigation').getByText('资料库').isVisible())
        .toBe(true)
      expect(problems).toEqual([])
      // The same code a second time, in a browser without the cookie: refused.
      const other = await browser.newContext()
      const stranger = await other.newPage()
      await stranger.goto(opener.replace('/#', '/?again#'))
      await expect.poll(() => stranger.getByText('令牌已失效').isVisible()).toBe(true)
      await other.close()
    } finally {
      await context.close()
      await running.stop()
    }
  })
})
