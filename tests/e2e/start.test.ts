import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchChromium } from '../helpers/browser'
import { PROJECT_ROOT } from '../helpers/cli'
import { tempDir } from '../helpers/temp'

let browser: Browser
let temp: ReturnType<typeof tempDir>
let child: ChildProcess | undefined

beforeAll(async () => {
  temp = tempDir()
  browser = await launchChromium()
})
afterAll(async () => {
  child?.kill('SIGTERM')
  await browser?.close()
  temp?.cleanup()
})

/** Wait for the line `PacketDesk: http://127.0.0.1:PORT/#token=…` on stdout. */
function waitForUrl(proc: ChildProcess): Promise<{ url: string; output: () => string }> {
  let output = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL line; output:\n${output}`)), 30_000)
    proc.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /^PacketDesk: (http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]+)$/m.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve({ url: match[1], output: () => output })
      }
    })
    proc.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    proc.on('exit', (code) => reject(new Error(`exited ${code}:\n${output}`)))
  })
}

describe('npm start without an Electron binary', () => {
  it('starts the browser host, prints the URL line and why Electron did not start', async () => {
    // `npm start` = electron-vite build && node scripts/start.cjs; the build ran before the tests.
    child = spawn(process.execPath, [join(PROJECT_ROOT, 'scripts', 'start.cjs')], {
      cwd: PROJECT_ROOT,
      env: {
        ...process.env,
        PACKETDESK_DATA_DIR: join(temp.dir, 'data'),
        PACKETDESK_NO_OPEN: '1',
        PACKETDESK_PORT: '0',
      },
    })
    const { url, output } = await waitForUrl(child)
    await expect.poll(output).toMatch(/Electron (未启动|did not start)/)
    const page = await browser.newPage()
    await page.goto(url)
    await expect.poll(() => page.getByRole('navigation').getByText('资料库').isVisible()).toBe(true)
    await page.close()
  })
})
