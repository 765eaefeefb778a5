import sharp from 'sharp'
import { afterAll, describe, expect, it } from 'vitest'
import { scansToPdf } from '../../../electron/services/demo/scans'
import { stopOcr } from '../../../electron/services/reading/ocr-pool'
import { readScan } from '../../../electron/services/reading/read-scan'
import { makeScanSamples, SCAN_SAMPLES_TODAY } from '../../helpers/scan-samples'

/**
 * The reader end to end on generated scans (issue 12): PaddleOCR in its worker, orientation,
 * seal separation, straightening, the extractors. A few pages, one model load; each covers a
 * hard case: a crooked JPEG, an upside-down ID copy, a sideways certificate, a noisy passport,
 * a red seal over a notice's stamp date, a crooked transfer notice. The accuracy is reported and
 * held to a floor (issue 12's goal: ≥ 95% of kinds and of fields exact).
 */
const PAGES = [
  'licence-skewed-jpeg40',
  'id-upside-down',
  'certificate-sideways',
  'passport-skewed-noise',
  'acceptance-notice-seal',
  'transfer-notice',
]
const FLOOR = 0.95

describe('reading generated scans', () => {
  afterAll(() => stopOcr())

  it(`finds ≥ ${FLOOR * 100}% of kinds and of fields exactly`, async () => {
    const samples = (await makeScanSamples()).filter((s) => PAGES.includes(s.name))
    expect(samples.map((s) => s.name).sort()).toEqual([...PAGES].sort())
    let kinds = 0
    let fields = 0
    let total = 0
    const misses: string[] = []
    for (const sample of samples) {
      const read = await readScan(sample.bytes, sample.format, { today: SCAN_SAMPLES_TODAY })
      if (read.kind === sample.kind) kinds++
      else misses.push(`${sample.name}: kind ${read.kind}`)
      for (const [name, expected] of Object.entries(sample.fields)) {
        total++
        const sure = !read.unsure.includes(name)
        if (read.fields[name] === expected && sure) fields++
        else
          misses.push(
            `${sample.name}.${name}: ${read.fields[name] ?? '—'}${sure ? '' : ' (unsure)'}`,
          )
      }
    }
    const report = `kinds ${kinds}/${samples.length}, fields ${fields}/${total}`
    console.info(
      `[reading accuracy] ${report}${misses.length ? `; misses: ${misses.join('; ')}` : ''}`,
    )
    expect(kinds / samples.length, report).toBeGreaterThanOrEqual(FLOOR)
    expect(fields / total, `${report}: ${misses.join('; ')}`).toBeGreaterThanOrEqual(FLOOR)
  }, 600_000)

  it('reads a PDF page by page, as rendered (a scanner’s PDF of a certificate)', async () => {
    const certificate = (await makeScanSamples()).find((s) => s.name === 'certificate')
    if (!certificate) throw new Error('no certificate sample')
    const jpeg = await sharp(certificate.bytes).jpeg({ quality: 90 }).toBuffer()
    const pdf = await scansToPdf([jpeg])
    const read = await readScan(pdf, 'pdf', { today: SCAN_SAMPLES_TODAY })
    expect(read.kind).toBe('trademark_certificate')
    expect(read.fields).toMatchObject(certificate.fields)
    expect(read.pages).toHaveLength(1)
  }, 300_000)
})
