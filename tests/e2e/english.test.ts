import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, SHOTS, type AppSession } from '../helpers/app-session'

// Issue 13 item 18: English mode has no Chinese left in the app's own words. The library's data
// (names, scopes, the platform's industry names, file names) stays as the clerk typed it.
let session: AppSession
let page: Page
beforeAll(async () => {
  session = await openApp({ demo: true })
  page = session.page
  await session.running.backend.handlers['settings.setLanguage']({ language: 'en' })
  await page.reload()
  await page.getByRole('navigation').getByText('Library').waitFor()
})
afterAll(async () => {
  await session?.close()
})

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/

/** The app's own words on screen: headers, labels, tabs, badges, buttons, menu items, alerts' titles. */
async function ownWordsWithChinese(): Promise<string[]> {
  const texts = await page
    .locator(
      'th, label, [role=tab], [data-testid=expiry-table] td, .mantine-Badge-label, button:not([data-data]), [role=menuitem], .mantine-Alert-title, .mantine-Stepper-stepLabel, .mantine-InputWrapper-description, [placeholder]',
    )
    .evaluateAll((nodes) =>
      nodes.map((n) => {
        const node = n as unknown as {
          innerText?: string
          getAttribute: (name: string) => string | null
        }
        return `${node.innerText ?? ''} ${node.getAttribute('placeholder') ?? ''}`.trim()
      }),
    )
  return [...new Set(texts.filter((t) => CJK.test(t)))]
}

/** Data the demo library holds (names, industries, files): Chinese by nature. */
async function dataWords(): Promise<string[]> {
  const h = session.running.backend.handlers
  const words = [
    ...(await h['companies.list']({})).map((c) => c.name),
    ...(await h['persons.list']({})).map((p) => p.name),
    ...(await h['trademarks.list']({})).map((t) => t.text),
    ...(await h['packets.list']({})).flatMap((p) => [p.accountName, p.applicantName]),
    ...(await h['industries.catalog']({})).industries.flatMap((e) => [e.primary, e.secondary]),
  ]
  return words.filter((w) => CJK.test(w))
}

/**
 * Chinese that belongs in English mode: the language switch's own name for Chinese, and the
 * platform's term for a professional account (its form is in Chinese), given beside the English.
 */
const KEPT = ['中文', '(专业号)']

function notData(found: string[], data: string[]): string[] {
  return found.filter((text) => {
    let rest = text
    for (const kept of KEPT) rest = rest.split(kept).join('')
    for (const word of data.sort((a, b) => b.length - a.length)) rest = rest.split(word).join('')
    return CJK.test(rest)
  })
}

describe('English mode', () => {
  it('library, packets, the wizard and settings show no Chinese of their own', async () => {
    const data = await dataWords()
    const offenders: Record<string, string[]> = {}
    const look = async (where: string) => {
      const left = notData(await ownWordsWithChinese(), data)
      if (left.length > 0) offenders[where] = left
    }
    await page.getByRole('navigation').getByText('Library').click()
    for (const tab of [
      'Companies',
      'Persons',
      'Trademarks',
      'Relations',
      'Expiries',
      'Recycle bin',
    ]) {
      await page.getByRole('tab', { name: tab }).click()
      await page.waitForTimeout(300)
      await look(`library/${tab}`)
    }
    await page.getByRole('navigation').getByText('Packets').click()
    await page.getByTestId('packets-table').waitFor()
    await look('packets')
    await page.getByTestId('packet-name').getByText('禾木生活', { exact: true }).click()
    for (const step of ['Prerequisites', 'Account', 'Industry', 'Other', 'Check']) {
      await page.getByRole('button', { name: step }).click()
      await page.waitForTimeout(400)
      await look(`wizard/${step}`)
    }
    await page.getByRole('button', { name: 'Back to list' }).click()
    await page.getByRole('navigation').getByText('Settings').click()
    await page.waitForTimeout(500)
    await look('settings')
    await page.screenshot({ path: join(SHOTS, 'english-settings.png'), fullPage: true })
    expect(offenders).toEqual({})
  })
})
