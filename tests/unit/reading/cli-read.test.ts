import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../../helpers/cli'
import { makeScanSamples, SCAN_SAMPLES_TODAY } from '../../helpers/scan-samples'
import { tempDir } from '../../helpers/temp'

/** `packetdesk read FILE…` as a user runs it: the real CLI process, real OCR. */
function read(args: string[]) {
  const result = spawnSync(
    process.execPath,
    [join(PROJECT_ROOT, 'bin', 'packetdesk.cjs'), 'read', ...args],
    { cwd: PROJECT_ROOT, encoding: 'utf8', timeout: 300_000 },
  )
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

describe('cli read', () => {
  const temp = tempDir()
  afterAll(() => temp.cleanup())

  it('prints one JSON line per file, in order; a file that cannot be opened makes the exit 2', async () => {
    const licence = (await makeScanSamples()).find((s) => s.name === 'licence-colour')
    if (!licence) throw new Error('no licence sample')
    const scan = join(temp.dir, '营业执照.jpg')
    writeFileSync(scan, licence.bytes)
    const text = join(temp.dir, 'notes.txt')
    writeFileSync(text, '这不是扫描件')
    const missing = join(temp.dir, 'missing.png')

    const result = read([scan, text, missing, '--today', SCAN_SAMPLES_TODAY])
    expect(result.status).toBe(2)
    const lines = result.stdout.trim().split('\n')
    expect(lines).toHaveLength(3)
    const [first, second, third] = lines.map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(first).toMatchObject({ file: scan, kind: 'business_licence', fields: licence.fields })
    expect(first?.confidence).toMatchObject({ kind: expect.any(Number) as number })
    expect(Object.keys(first ?? {})).toEqual(
      expect.arrayContaining(['file', 'kind', 'fields', 'confidence', 'seconds']),
    )
    expect(second).toMatchObject({ file: text, kind: 'unknown', fields: {} })
    expect(second?.reason).toEqual(expect.stringMatching(/格式/))
    expect(third).toMatchObject({
      file: missing,
      kind: 'unknown',
      reason: expect.stringMatching(/ENOENT/) as string,
    })
    // Progress and logs on stderr only, by position (file names of ID scans hold numbers).
    expect(result.stderr).toMatch(/第 1\/3 个文件：正在识别第 1\/1 页/)
    expect(result.stderr).not.toContain('营业执照.jpg')
  }, 300_000)

  it('exits 0 when every file could be opened, even one that is not a scan or is hostile', async () => {
    const text = join(temp.dir, 'only.txt')
    writeFileSync(text, 'hello')
    // 120 megapixels in a small file: refused by the OCR worker's decoder, nothing read.
    const bomb = join(temp.dir, 'bomb.png')
    writeFileSync(
      bomb,
      await sharp({ create: { width: 12_000, height: 10_000, channels: 3, background: '#fff' } })
        .png()
        .toBuffer(),
    )
    const result = read([text, bomb])
    expect(result.status).toBe(0)
    const [first, second] = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as unknown)
    expect(first).toMatchObject({ kind: 'unknown' })
    expect(second).toMatchObject({
      kind: 'unknown',
      reason: expect.stringMatching(/尺寸过大/) as string,
    })
  }, 120_000)

  it('says how to use it without a file (exit 2)', () => {
    const result = read([])
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/read 需要至少一个文件路径/)
    expect(result.stdout).toBe('')
  })
})
