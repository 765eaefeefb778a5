import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { todayIn } from '../../shared/dates'
import { loadDemo } from '../../electron/services/demo/demo'
import { launchChromium } from './browser'
import { PROJECT_ROOT } from './cli'
import { startTestHost, type TestHost } from './host'
import { tempDir } from './temp'

export const SHOTS = join(PROJECT_ROOT, 'test-results', 'screenshots')

/** The real renderer in Chromium on a real backend in a temp data folder. */
export interface AppSession {
  browser: Browser
  running: TestHost
  page: Page
  temp: ReturnType<typeof tempDir>
  /** Uncaught page errors; a test asserts it stays empty. */
  problems: string[]
  close: () => Promise<void>
}

export async function openApp(
  options: { demo?: boolean; height?: number; readScans?: boolean } = {},
): Promise<AppSession> {
  mkdirSync(SHOTS, { recursive: true })
  const temp = tempDir()
  const running = await startTestHost(join(temp.dir, 'data'), undefined, {
    readScans: options.readScans === true,
  })
  if (options.demo) await loadDemo(running.backend, todayIn())
  const browser = await launchChromium()
  const page = await browser.newPage({ viewport: { width: 1400, height: options.height ?? 1000 } })
  const problems: string[] = []
  page.on('pageerror', (e) => problems.push(e.message))
  await page.goto(running.host.url)
  return {
    browser,
    running,
    page,
    temp,
    problems,
    close: async () => {
      await browser.close()
      await running.stop()
      temp.cleanup()
    },
  }
}
