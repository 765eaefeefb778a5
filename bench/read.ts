import { spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { ocrPool, stopOcr } from '../electron/services/reading/ocr-pool'
import { readScan } from '../electron/services/reading/read-scan'
import { tempDir } from '../tests/helpers/temp'
import { makeScanSamples, SCAN_SAMPLES_TODAY } from '../tests/helpers/scan-samples'
import type { Metrics } from './stats'

/** Pages of the generated papers, as a 300 dpi A4 scanner writes them (2480×3508 JPEG). */
const PAGES = ['licence-colour', 'id-colour', 'passport', 'certificate', 'acceptance-notice-seal']

/** Peak resident size of a live process (Linux: VmHWM), in MB. */
function peakOf(pid: number | undefined): number {
  if (pid === undefined) return 0
  try {
    const kb = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
    return kb ? Number(kb) / 1024 : 0
  } catch {
    return 0
  }
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length)

/**
 * `npm run bench read` (issue 12): seconds per A4 page and peak memory, our reader (orientation,
 * seal separation, straightening, reading, extraction — in the OCR worker) against the bare
 * library call (`detect` on the same page files, in a process of its own), in the same run.
 */
export async function benchRead(): Promise<Metrics> {
  const temp = tempDir('packetdesk-bench-read-')
  try {
    const samples = (await makeScanSamples()).filter((s) => PAGES.includes(s.name))
    const files: string[] = []
    // The same pages at the size our reader reads them (long side 2000 px): the bare call on
    // these shows what orientation, seal separation and straightening add.
    const small: string[] = []
    for (const sample of samples) {
      const page = await sharp(sample.bytes)
        .resize({ width: 3508, height: 3508, fit: 'inside' })
        .jpeg({ quality: 85 })
        .toBuffer()
      const file = join(temp.dir, `${sample.name}.jpg`)
      writeFileSync(file, page)
      files.push(file)
      const reduced = join(temp.dir, `${sample.name}.2000.jpg`)
      await sharp(page)
        .resize({ width: 2000, height: 2000, fit: 'inside' })
        .jpeg({ quality: 92 })
        .toFile(reduced)
      small.push(reduced)
    }

    // Ours: the model loaded once (first page's load not counted: the bare run loads first too).
    const ours: number[] = []
    let oursPeak = 0
    await readScan(readFileSync(files[0] ?? ''), 'jpeg', { today: SCAN_SAMPLES_TODAY })
    for (const file of files) {
      const started = performance.now()
      await readScan(readFileSync(file), 'jpeg', { today: SCAN_SAMPLES_TODAY })
      ours.push((performance.now() - started) / 1000)
      for (const pid of ocrPool().pids()) oursPeak = Math.max(oursPeak, peakOf(pid))
    }
    stopOcr()

    const bareRun = (pages: string[]) => {
      const bare = spawnSync(
        process.execPath,
        ['--import', 'tsx', join(__dirname, 'read-bare.ts'), pages[0] ?? '', ...pages],
        { encoding: 'utf8', maxBuffer: 1 << 20 },
      )
      if (bare.status !== 0) throw new Error(`bench/read-bare.ts failed: ${bare.stderr}`)
      const run = JSON.parse(bare.stdout.trim().split('\n').at(-1) ?? '{}') as {
        seconds: number[]
        peakRssMb: number
      }
      // The first page loads the model (and warms up): not counted, as for ours.
      return { seconds: run.seconds.slice(1), peakRssMb: run.peakRssMb }
    }
    const bare = bareRun(files)
    const bare2000 = bareRun(small)
    const table = samples.map(
      (s, i) =>
        `  ${s.name.padEnd(26)} ours ${(ours[i] ?? 0).toFixed(2)} s   bare ${(bare.seconds[i] ?? 0).toFixed(2)} s   bare at 2000 px ${(bare2000.seconds[i] ?? 0).toFixed(2)} s`,
    )
    process.stderr.write(`read, per A4 page (2480×3508 JPEG):\n${table.join('\n')}\n`)
    return {
      'read.ours_s_per_page': mean(ours),
      'read.bare_s_per_page': mean(bare.seconds),
      'read.time_ratio_ours_bare': mean(ours) / mean(bare.seconds),
      'read.bare_2000px_s_per_page': mean(bare2000.seconds),
      'read.time_ratio_ours_bare_2000px': mean(ours) / mean(bare2000.seconds),
      'read.ours_worker_peak_rss_mb': oursPeak,
      'read.bare_peak_rss_mb': bare.peakRssMb,
    }
  } finally {
    temp.cleanup()
  }
}
