import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { classifyScan } from '../../../shared/reading/classify'
import { extractFields } from '../../../shared/reading/papers'
import { makeScanSamples, SCAN_SAMPLES_TODAY, type ScanSample } from '../../helpers/scan-samples'

/**
 * The synthetic scans for OCR (tests/helpers/scan-samples.ts) say what they claim: each page's
 * perfect text is classified as the sample's kind and gives exactly its expected fields, none
 * unsure (so every check character is right), and the file is the image it says it is.
 */
let samples: ScanSample[] = []

beforeAll(async () => {
  samples = await makeScanSamples()
}, 60_000)

describe('scan samples', () => {
  it('cover the papers and the degradations the brief asks for', () => {
    expect(samples.length).toBeGreaterThanOrEqual(12)
    expect(new Set(samples.map((s) => s.name)).size).toBe(samples.length)
    expect(new Set(samples.map((s) => s.kind))).toEqual(
      new Set([
        'business_licence',
        'resident_id',
        'passport',
        'trademark_certificate',
        'acceptance_notice',
        'transfer_notice',
      ]),
    )
    expect(new Set(samples.map((s) => s.rotation))).toEqual(new Set([0, 90, 180, 270]))
    expect(new Set(samples.map((s) => s.format))).toEqual(new Set(['jpeg', 'png']))
  })

  it('each page’s perfect text gives the sample’s kind and exactly its fields', () => {
    for (const sample of samples) {
      const kind = classifyScan(sample.lines)
      expect({ name: sample.name, kind }).toEqual({ name: sample.name, kind: sample.kind })
      expect({
        name: sample.name,
        ...extractFields(kind, sample.lines, SCAN_SAMPLES_TODAY),
      }).toEqual({ name: sample.name, fields: sample.fields, unsure: [] })
    }
  })

  it('each file is an A4 page at 200 dpi in its format, turned as it says', async () => {
    for (const sample of samples) {
      const meta = await sharp(sample.bytes).metadata()
      expect(meta.format).toBe(sample.format)
      const long = Math.max(meta.width, meta.height)
      const short = Math.min(meta.width, meta.height)
      expect([long, short]).toEqual([2339, 1654])
      const landscape = meta.width > meta.height
      const uprightLandscape = sample.kind === 'business_licence'
      const sideways = sample.rotation === 90 || sample.rotation === 270
      expect({ name: sample.name, landscape }).toEqual({
        name: sample.name,
        landscape: uprightLandscape !== sideways,
      })
    }
  })
})
