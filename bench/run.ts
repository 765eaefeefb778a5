import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { benchExport } from './export'
import { benchImport } from './import'
import { benchLetters } from './letters'
import { benchList } from './list'
import { benchPlan } from './plan'
import { benchRead } from './read'
import { benchSearch } from './search'
import { benchStartup } from './startup'
import type { Metrics } from './stats'

/**
 * `npm run bench [-- NAME …] [-- --update-reference] [-- --json]`: run the benchmarks and
 * print each figure beside the reference run (bench/reference.json, measured
 * on our 2-core machines) with the ratio current/reference. Not a test:
 * nothing here fails on a number.
 */
const BENCHES: Record<string, () => Metrics | Promise<Metrics>> = {
  plan: benchPlan,
  search: () => benchSearch(),
  list: () => benchList(),
  import: () => benchImport(),
  letters: () => benchLetters(),
  export: () => benchExport(),
  compress: benchCompress,
  read: () => benchRead(),
  startup: () => benchStartup(),
}

/** bench/compress.ts prints its own side-by-side table (ours vs ImageMagick); keep its summary. */
function benchCompress(): Metrics {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'compress.ts')], {
    stdio: 'inherit',
  })
  if (run.status !== 0)
    throw new Error(
      'bench/compress.ts failed (is ImageMagick installed? apt-get install imagemagick)',
    )
  const result = JSON.parse(
    readFileSync(join(__dirname, 'results', 'compress.latest.json'), 'utf8'),
  ) as {
    summary: {
      meanMs: { ours: number; imagemagick: number }
      meanSsim: { ours: number; imagemagick: number }
      meanTimeRatio: number
      meanSsimRatio: number
      meanOcr: { scans: number; ours: number; imagemagick: number }
    }
  }
  const { summary } = result
  return {
    'compress.ours_ms': summary.meanMs.ours,
    'compress.imagemagick_ms': summary.meanMs.imagemagick,
    'compress.time_ratio_ours_im': summary.meanTimeRatio,
    'compress.ours_ssim': summary.meanSsim.ours,
    'compress.imagemagick_ssim': summary.meanSsim.imagemagick,
    'compress.ssim_ratio_ours_im': summary.meanSsimRatio,
    ...(summary.meanOcr.scans > 0
      ? {
          'compress.ours_ocr_agreement': summary.meanOcr.ours,
          'compress.imagemagick_ocr_agreement': summary.meanOcr.imagemagick,
        }
      : {}),
  }
}

const REFERENCE = join(__dirname, 'reference.json')

/** Enough digits to see a change: SSIM needs four, milliseconds two. */
function format(value: number): string {
  return Math.abs(value) >= 100
    ? value.toFixed(1)
    : Math.abs(value) >= 1
      ? value.toFixed(2)
      : value.toFixed(4)
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const update = args.includes('--update-reference')
  // `--json`: the last line of stdout is one flat object of every figure (issue 14).
  const json = args.includes('--json')
  const names = args.filter((a) => !a.startsWith('--'))
  const selected = names.length > 0 ? names : Object.keys(BENCHES)
  const reference = existsSync(REFERENCE)
    ? (JSON.parse(readFileSync(REFERENCE, 'utf8')) as { metrics: Metrics; machine: string })
    : { metrics: {}, machine: '' }
  const current: Metrics = {}
  for (const name of selected) {
    const bench = BENCHES[name]
    if (!bench) {
      console.error(`unknown benchmark ${name}; available: ${Object.keys(BENCHES).join(', ')}`)
      process.exitCode = 2
      return
    }
    process.stderr.write(`running ${name}…\n`)
    Object.assign(current, await bench())
  }
  const rows = Object.entries(current).map(([metric, value]) => {
    const ref = reference.metrics[metric]
    const ratio = ref ? (value / ref).toFixed(2) : '—'
    return [metric, format(value), ref === undefined ? '—' : format(ref), ratio]
  })
  const widths = [34, 12, 12, 8]
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 10)).join(' ')
  console.log(line(['metric', 'current', 'reference', 'ratio']))
  for (const row of rows) console.log(line(row))
  if (reference.machine) console.log(`reference: ${reference.machine}`)
  if (update) {
    const merged = { ...reference.metrics, ...current }
    const machine = `${process.platform} ${process.arch}, node ${process.version}, measured ${new Date().toISOString().slice(0, 10)}`
    writeFileSync(REFERENCE, `${JSON.stringify({ machine, metrics: merged }, null, 2)}\n`)
    console.log(`reference updated: ${REFERENCE}`)
  }
  if (json) console.log(JSON.stringify(current))
}

void main()
