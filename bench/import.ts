import sharp from 'sharp'
import { createBackend } from '../electron/services/backend'
import { fakeScan, scansToPdf } from '../electron/services/demo/scans'
import { tempDir } from '../tests/helpers/temp'
import { peakRssMb, timeMsAsync, type Metrics } from './stats'

/** A 12 MP "phone photo": noisy colour image, realistic JPEG size (several MB). */
async function photo(seed: number): Promise<Buffer> {
  const width = 4000
  const height = 3000
  const noise = await sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
    .raw()
    .toBuffer()
  return sharp(noise, { raw: { width, height, channels: 3 } })
    .modulate({ hue: seed % 360 })
    .blur(1.2)
    .jpeg({ quality: 90 })
    .toBuffer()
}

/** Import of generated 12 MP photos and multi-page PDFs through the contract's import. */
export async function benchImport(
  photos = Number(process.env.BENCH_PHOTOS ?? 100),
  pdfs = Number(process.env.BENCH_PDFS ?? 20),
): Promise<Metrics> {
  const temp = tempDir('packetdesk-bench-')
  const backend = createBackend({ dataDir: temp.dir })
  try {
    const company = await backend.handlers['companies.save']({
      name: '基准测试公司',
      region: 'domestic',
    })
    const files: { name: string; bytes: Buffer }[] = []
    // Distinct photos (different content hashes) from a few generated bases.
    const bases = await Promise.all([0, 1, 2, 3].map((i) => photo(i * 90)))
    for (let i = 0; i < photos; i++) {
      const base = bases[i % bases.length] ?? Buffer.alloc(0)
      files.push({ name: `photo-${i}.jpg`, bytes: Buffer.concat([base, Buffer.from(`#${i}`)]) })
    }
    const pages = [
      await fakeScan('商标注册证', ['第 1 页']),
      await fakeScan('核定使用商品', ['第 2 页']),
      await fakeScan('附页', ['第 3 页']),
    ]
    for (let i = 0; i < pdfs; i++) {
      files.push({
        name: `scan-${i}.pdf`,
        bytes: Buffer.concat([await scansToPdf(pages), Buffer.from(`\n%${i}\n`)]),
      })
    }
    const totalBytes = files.reduce((n, f) => n + f.bytes.length, 0)
    const ms = await timeMsAsync(async () => {
      for (const file of files) {
        await backend.handlers['documents.import']({
          ownerKind: 'company',
          ownerId: company.id,
          requirement: 'industry_qualification',
          subject: 'x/y',
          fileName: file.name,
          dataBase64: file.bytes.toString('base64'),
        })
      }
    })
    return {
      'import.files': files.length,
      'import.input_mb': totalBytes / 1e6,
      'import.files_per_s': files.length / (ms / 1000),
      'import.peak_rss_mb': peakRssMb(),
    }
  } finally {
    backend.close()
    temp.cleanup()
  }
}
