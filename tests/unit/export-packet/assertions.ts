import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { expect } from 'vitest'
import type { ManifestFile } from '../../../electron/services/export/types'

const JPEG = Buffer.from([0xff, 0xd8, 0xff])
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47])

/**
 * Every upload as the platform accepts it, checked on the bytes: JPEG or PNG by content and by
 * extension, at most 1,000,000 bytes, the manifest's size, and no EXIF/GPS, XMP, IPTC or ICC.
 */
export async function expectUploadedImages(folder: string, files: ManifestFile[]): Promise<void> {
  for (const file of files) {
    const data = readFileSync(join(folder, ...file.path.split('/')))
    expect(data.length, file.path).toBeLessThanOrEqual(1_000_000)
    expect(data.length, file.path).toBe(file.size)
    const meta = await sharp(data).metadata()
    expect(['jpeg', 'png'], file.path).toContain(meta.format)
    const magic = meta.format === 'jpeg' ? JPEG : PNG
    expect(data.subarray(0, magic.length).equals(magic), file.path).toBe(true)
    expect(file.path.endsWith(meta.format === 'jpeg' ? '.jpg' : '.png'), file.path).toBe(true)
    expect([meta.width, meta.height], file.path).toEqual([file.width, file.height])
    expect(meta.exif, `${file.path}: EXIF left`).toBeUndefined()
    expect(meta.orientation, file.path).toBeUndefined()
    expect(meta.xmp, file.path).toBeUndefined()
    expect(meta.iptc, file.path).toBeUndefined()
    expect(meta.icc, file.path).toBeUndefined()
  }
}
