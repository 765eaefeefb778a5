import { writeFileSync } from 'node:fs'
import Ocr from '@gutenye/ocr-node'
import sharp from 'sharp'
import type { ScanKind } from '../../shared/rules/scan-kinds'
import { classifyScan } from '../../shared/reading/classify'
import { extractFields } from '../../shared/reading/papers'
import { makeScanSamples, SCAN_SAMPLES_TODAY, type ScanSample } from '../helpers/scan-samples'

/**
 * `npx tsx tests/tools/ocr-baseline.ts [--lines] [--json FILE] [NAME …]`: the bare OCR library
 * (PaddleOCR PP-OCRv4 through @gutenye/ocr-node, no orientation detection, no clean-up) on every
 * synthetic scan of tests/helpers/scan-samples.ts, then shared/reading's classifier and
 * extractors on what it read. Prints per sample whether the kind is right, each field expected
 * vs read, and the seconds; then totals for upright pages and for pages fed sideways or upside
 * down (which the bare library is expected to miss). `--lines` also prints the OCR lines;
 * `--json FILE` saves them per sample (name, kind, expected fields, lines with confidence and
 * box) for fixtures. A dev tool, not a test: nothing fails on a number. Needs ~1.5 GB of memory;
 * run one at a time.
 */

interface OcrLine {
  text: string
  mean: number
  box?: number[][]
}
interface OcrEngine {
  detect(image: Buffer): Promise<OcrLine[]>
}

/** The page as the product will hand it to OCR: long side 2000 px, 8-bit sRGB. */
async function prepare(bytes: Buffer): Promise<Buffer> {
  return sharp(bytes)
    .resize({ width: 2000, height: 2000, fit: 'inside', withoutEnlargement: true })
    .toColourspace('srgb')
    .png({ compressionLevel: 1 })
    .toBuffer()
}

interface Result {
  sample: ScanSample
  kind: ScanKind
  fields: Record<string, string | undefined>
  /** Fields right when extracted as the expected kind (tells classifier from extractor misses). */
  fieldsAsExpectedKind: number
  seconds: number
  lines: OcrLine[]
}

const fieldsRight = (sample: ScanSample, got: Record<string, string | undefined>) =>
  Object.entries(sample.fields).filter(([field, value]) => got[field] === value).length

function printResult(r: Result, showLines: boolean) {
  const { sample } = r
  const total = Object.keys(sample.fields).length
  const right = fieldsRight(sample, r.fields)
  const kindOk = r.kind === sample.kind
  console.log(
    `\n${sample.name} (${sample.format}, rotation ${sample.rotation}) — kind ${kindOk ? 'ok' : `WRONG: ${r.kind}`}, ` +
      `fields ${right}/${total}` +
      (kindOk ? '' : ` (as ${sample.kind}: ${r.fieldsAsExpectedKind}/${total})`) +
      `, ${r.seconds.toFixed(1)} s, ${r.lines.length} lines`,
  )
  for (const [field, expected] of Object.entries(sample.fields)) {
    const got = r.fields[field]
    console.log(
      `  ${got === expected ? 'ok ' : 'XX '} ${field.padEnd(20)} ${expected}${got === expected ? '' : `  ≠  ${got ?? '(none)'}`}`,
    )
  }
  if (showLines) {
    for (const line of r.lines) console.log(`    | ${line.text}   (${line.mean.toFixed(2)})`)
  }
}

function printTotals(label: string, results: Result[]) {
  if (results.length === 0) return
  const kinds = results.filter((r) => r.kind === r.sample.kind).length
  const fields = results.reduce((n, r) => n + Object.keys(r.sample.fields).length, 0)
  const right = results.reduce((n, r) => n + fieldsRight(r.sample, r.fields), 0)
  const seconds = results.reduce((n, r) => n + r.seconds, 0)
  const percent = (a: number, b: number) => `${((100 * a) / b).toFixed(0)}%`
  console.log(
    `${label.padEnd(24)} kinds ${kinds}/${results.length} (${percent(kinds, results.length)}), ` +
      `fields ${right}/${fields} (${percent(right, fields)}), ${(seconds / results.length).toFixed(1)} s/page`,
  )
}

async function main() {
  const args = process.argv.slice(2)
  const showLines = args.includes('--lines')
  const jsonAt = args.indexOf('--json')
  const json = jsonAt >= 0 ? args[jsonAt + 1] : undefined
  const names = args.filter((a, i) => !a.startsWith('--') && (jsonAt < 0 || i !== jsonAt + 1))
  const started = performance.now()
  const samples = (await makeScanSamples()).filter(
    (s) => names.length === 0 || names.includes(s.name),
  )
  console.log(
    `${samples.length} samples generated in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  )
  const loading = performance.now()
  const ocr = (await Ocr.create()) as unknown as OcrEngine
  console.log(`OCR models loaded in ${((performance.now() - loading) / 1000).toFixed(1)} s`)

  const results: Result[] = []
  for (const sample of samples) {
    const start = performance.now()
    const lines = await ocr.detect(await prepare(sample.bytes))
    const seconds = (performance.now() - start) / 1000
    const texts = lines.map((line) => line.text)
    const kind = classifyScan(texts)
    const fields = extractFields(kind, texts, SCAN_SAMPLES_TODAY).fields
    const asExpected = extractFields(sample.kind, texts, SCAN_SAMPLES_TODAY).fields
    const result = {
      sample,
      kind,
      fields,
      fieldsAsExpectedKind: fieldsRight(sample, asExpected),
      seconds,
      lines,
    }
    results.push(result)
    printResult(result, showLines)
  }

  console.log('\nsample                        kind   fields   seconds')
  for (const r of results) {
    const total = Object.keys(r.sample.fields).length
    console.log(
      `${r.sample.name.padEnd(30)}${(r.kind === r.sample.kind ? 'ok' : 'WRONG').padEnd(7)}` +
        `${`${fieldsRight(r.sample, r.fields)}/${total}`.padEnd(9)}${r.seconds.toFixed(1)}`,
    )
  }
  console.log('')
  printTotals(
    'upright (rotation 0)',
    results.filter((r) => r.sample.rotation === 0),
  )
  printTotals(
    'turned (90/180/270)',
    results.filter((r) => r.sample.rotation !== 0),
  )
  printTotals('all', results)
  if (json) {
    const saved = results.map((r) => ({
      name: r.sample.name,
      kind: r.sample.kind,
      rotation: r.sample.rotation,
      fields: r.sample.fields,
      lines: r.lines,
    }))
    writeFileSync(json, `${JSON.stringify(saved, null, 2)}\n`)
    console.log(`OCR lines saved to ${json}`)
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
