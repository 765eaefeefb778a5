import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

/** Debian's Chromium (apt-get install chromium); Playwright cannot download browsers here. */
const CHROMIUM_PATH = process.env.PACKETDESK_CHROMIUM ?? '/usr/bin/chromium'

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    // Fail, never skip: browser tests are part of `npm test`.
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: run \`apt-get install -y chromium\` or set PACKETDESK_CHROMIUM`,
    )
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // Headless Chromium's print preview crashes the page after window.print() (the letter's
      // 打印, issue 13 item 3): with it off, print() returns at once and the test goes on.
      '--disable-print-preview',
    ],
  })
}
