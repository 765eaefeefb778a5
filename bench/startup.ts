import { chromium, type Browser } from 'playwright-core'
import { createBackend } from '../electron/services/backend'
import { tempDir } from '../tests/helpers/temp'
import { fill, generatedLibrary } from './list'
import { assertHostBuilt, startHost, stopHost } from './host'
import { median, type Metrics } from './stats'

/**
 * Start-up (issue 14): from launching the browser host (`out/main/host.js`, as `npm start` does
 * without Electron) to the home screen's first content painted in Chromium, on an empty library
 * and on a 100,000-document one, runs alternated. The browser is started once beforehand (the
 * clerk's browser is already open); scan reading is off (its own bench). Needs `npm run build`.
 */
const CHROMIUM = process.env.PACKETDESK_CHROMIUM ?? '/usr/bin/chromium'
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 5)

/** Milliseconds from spawning the host to the home screen's first content painted. */
async function startOnce(browser: Browser, dataDir: string): Promise<number> {
  const started = performance.now()
  const { child, url } = await startHost(dataDir)
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
  try {
    const page = await context.newPage()
    await page.goto(url.href)
    // 今日 is the home screen: its date line renders with the overview's first answer.
    await page.getByTestId('today-date').waitFor({ timeout: 120_000 })
    return performance.now() - started
  } finally {
    await context.close()
    await stopHost(child)
  }
}

export async function benchStartup(): Promise<Metrics> {
  assertHostBuilt('startup')
  const empty = tempDir('packetdesk-bench-startup-empty-')
  const large = tempDir('packetdesk-bench-startup-large-')
  const documents = Number(process.env.BENCH_STARTUP_DOCS ?? 100_000)
  try {
    createBackend({ dataDir: empty.dir }).close()
    const backend = createBackend({ dataDir: large.dir })
    await fill(backend, generatedLibrary(documents, 50))
    backend.close()
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    })
    const times = { empty: [] as number[], large: [] as number[] }
    try {
      // One untimed start of each first (the OS file cache), then alternated.
      await startOnce(browser, empty.dir)
      await startOnce(browser, large.dir)
      for (let i = 0; i < RUNS; i++) {
        times.empty.push(await startOnce(browser, empty.dir))
        times.large.push(await startOnce(browser, large.dir))
      }
    } finally {
      await browser.close()
    }
    const emptyMs = median(times.empty)
    const largeMs = median(times.large)
    console.log(
      `\nstart-up to the home screen painted, median of ${RUNS} (ms): empty ${emptyMs.toFixed(0)}, ${documents.toLocaleString('en')} documents ${largeMs.toFixed(0)}, ratio ${(largeMs / emptyMs).toFixed(2)}`,
    )
    return {
      'startup.empty_ms': emptyMs,
      'startup.large_ms': largeMs,
      'startup.large_over_empty': largeMs / emptyMs,
    }
  } finally {
    empty.cleanup()
    large.cleanup()
  }
}
