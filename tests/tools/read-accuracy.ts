import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { assembleRead, type PaperPage } from '../../shared/reading/paper-read'
import { makeScanSamples, SCAN_SAMPLES_TODAY } from '../helpers/scan-samples'
import { stopOcr } from '../../electron/services/reading/ocr-pool'
import { readScan } from '../../electron/services/reading/read-scan'

/**
 * Dev tool (issue 12): our reader (readScan: orientation, seal separation, extractors) on the
 * synthetic scans, kind and field accuracy per sample. `--cache FILE` keeps each page's OCR
 * lines so the extractors can be tuned without reading again (`--fresh` reads again).
 *   npx tsx tests/tools/read-accuracy.ts [--cache FILE] [--fresh] [--lines] [NAME …]
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const cacheAt = args.includes('--cache') ? args[args.indexOf('--cache') + 1] : undefined
  const fresh = args.includes('--fresh')
  const showLines = args.includes('--lines')
  const names = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--cache')
  const cache: Record<string, PaperPage[]> =
    cacheAt && existsSync(cacheAt) && !fresh
      ? (JSON.parse(readFileSync(cacheAt, 'utf8')) as Record<string, PaperPage[]>)
      : {}
  let kinds = 0
  let fieldsOk = 0
  let fieldsAll = 0
  const samples = (await makeScanSamples()).filter(
    (s) => names.length === 0 || names.includes(s.name),
  )
  for (const sample of samples) {
    const started = performance.now()
    let pages = cache[sample.name]
    if (!pages) {
      const full = await readScan(sample.bytes, sample.format, { today: SCAN_SAMPLES_TODAY })
      pages = full.pages
      cache[sample.name] = pages
      if (cacheAt) writeFileSync(cacheAt, JSON.stringify(cache))
    }
    const read = assembleRead(pages, SCAN_SAMPLES_TODAY)
    const seconds = (performance.now() - started) / 1000
    const kindOk = read.kind === sample.kind
    if (kindOk) kinds++
    const report: string[] = []
    for (const [field, expected] of Object.entries(sample.fields)) {
      fieldsAll++
      const got = read.fields[field]
      const unsure = read.unsure.includes(field)
      if (got === expected && !unsure) fieldsOk++
      else
        report.push(
          `    ${field}: expected ${expected} got ${got ?? '—'}${unsure ? ' (unsure)' : ''}`,
        )
    }
    for (const field of Object.keys(read.fields))
      if (!(field in sample.fields)) report.push(`    extra ${field}: ${read.fields[field]}`)
    console.log(
      `${sample.name.padEnd(30)} rot ${String(sample.rotation).padStart(3)}→${pages.map((p) => p.rotation).join(',')} kind ${kindOk ? 'ok' : `WRONG ${read.kind}`} fields ${Object.keys(sample.fields).length - report.filter((r) => !r.includes('extra')).length}/${Object.keys(sample.fields).length} ${seconds.toFixed(1)} s`,
    )
    for (const line of report) console.log(line)
    if (showLines) for (const p of pages) for (const l of p.lines) console.log(`      | ${l.text}`)
  }
  console.log(
    `kinds ${kinds}/${samples.length} (${((100 * kinds) / samples.length).toFixed(0)}%), fields ${fieldsOk}/${fieldsAll} (${((100 * fieldsOk) / fieldsAll).toFixed(0)}%)`,
  )
  if (cacheAt) writeFileSync(cacheAt, JSON.stringify(cache))
  stopOcr()
}

void main()
