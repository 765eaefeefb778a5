import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { assembleRead, type PaperPage } from '../../shared/reading/paper-read'
import { makeScanSamples, SCAN_SAMPLES_TODAY, type ScanSample } from '../helpers/scan-samples'
import { makeUnseenScanSamples } from '../helpers/scan-samples-unseen'
import { stopOcr } from '../../electron/services/reading/ocr-pool'
import { readScan } from '../../electron/services/reading/read-scan'

/**
 * Dev tool (issue 12): our reader (readScan: orientation, seal separation, extractors) on the
 * synthetic scans, kind and field accuracy per sample. `--cache FILE` keeps each page's OCR
 * lines so the extractors can be tuned without reading again (`--fresh` reads again).
 * `--unseen` reads the held-out set (tests/helpers/scan-samples-unseen.ts) instead: pages the
 * reader was not tuned on; a miss on a field its perfect text does not give either (a known
 * extractor gap) is marked, and counted both ways.
 *   npx tsx tests/tools/read-accuracy.ts [--unseen] [--cache FILE] [--fresh] [--lines] [NAME …]
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const cacheAt = args.includes('--cache') ? args[args.indexOf('--cache') + 1] : undefined
  const fresh = args.includes('--fresh')
  const showLines = args.includes('--lines')
  const unseen = args.includes('--unseen')
  const names = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--cache')
  const cache: Record<string, PaperPage[]> =
    cacheAt && existsSync(cacheAt) && !fresh
      ? (JSON.parse(readFileSync(cacheAt, 'utf8')) as Record<string, PaperPage[]>)
      : {}
  let kinds = 0
  let fieldsOk = 0
  let fieldsAll = 0
  let gapFields = 0
  let gapFieldsOk = 0
  const all: (ScanSample & { extractorGaps?: Record<string, string>; capture?: string })[] = unseen
    ? await makeUnseenScanSamples()
    : await makeScanSamples()
  const samples = all.filter((s) => names.length === 0 || names.includes(s.name))
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
    let missed = 0
    for (const [field, expected] of Object.entries(sample.fields)) {
      fieldsAll++
      const gap = sample.extractorGaps?.[field]
      if (gap) gapFields++
      const got = read.fields[field]
      const unsure = read.unsure.includes(field)
      if (got === expected && !unsure) {
        fieldsOk++
        if (gap) gapFieldsOk++
      } else {
        missed++
        report.push(
          `    ${field}: expected ${expected} got ${got ?? '—'}${unsure ? ' (unsure)' : ''}${gap ? ` (known extractor gap: ${gap})` : ''}`,
        )
      }
    }
    for (const field of Object.keys(read.fields))
      if (!(field in sample.fields)) report.push(`    extra ${field}: ${read.fields[field]}`)
    console.log(
      `${sample.name.padEnd(30)} rot ${String(sample.rotation).padStart(3)}→${pages.map((p) => p.rotation).join(',')} kind ${kindOk ? 'ok' : `WRONG ${read.kind}`} fields ${Object.keys(sample.fields).length - missed}/${Object.keys(sample.fields).length} ${seconds.toFixed(1)} s`,
    )
    if (sample.capture) console.log(`    (${sample.capture})`)
    for (const line of report) console.log(line)
    if (showLines) for (const p of pages) for (const l of p.lines) console.log(`      | ${l.text}`)
  }
  console.log(
    `kinds ${kinds}/${samples.length} (${((100 * kinds) / samples.length).toFixed(0)}%), fields ${fieldsOk}/${fieldsAll} (${((100 * fieldsOk) / fieldsAll).toFixed(0)}%)`,
  )
  if (gapFields > 0) {
    const ok = fieldsOk - gapFieldsOk
    const of = fieldsAll - gapFields
    console.log(
      `fields leaving out the ${gapFields} known extractor gaps: ${ok}/${of} (${((100 * ok) / of).toFixed(0)}%)`,
    )
  }
  if (cacheAt) writeFileSync(cacheAt, JSON.stringify(cache))
  stopOcr()
}

void main()
