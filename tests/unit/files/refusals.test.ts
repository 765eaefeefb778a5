import { localFileStore } from '../../../electron/services/storage/file-store'
import { readdirSync } from 'node:fs'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ContentStore } from '../../../electron/services/files/content-store'
import { importFile } from '../../../electron/services/files/import'
import { inspectFile } from '../../../electron/services/files/inspect'
import { MAX_IMPORT_BYTES } from '../../../shared/limits'
import {
  bitFlippedPng,
  blankPdf,
  elfBytes,
  greyScanJpeg,
  heicBytes,
  hugePagePdf,
  pdfWithImages,
  pngBomb,
  truncatedJpeg,
  zipBytes,
} from '../../helpers/fixtures-files'
import { tempDir } from '../../helpers/temp'
import { refusalOf } from '../../helpers/app-error'

/** Every refusal must come back within this (vitest's per-test timeout, not a stopwatch). */
const REFUSAL_TIMEOUT_MS = 5000
const CHINESE = /[\u4e00-\u9fff]/

interface Case {
  name: string
  bytes: () => Promise<Buffer> | Buffer
  fileName?: string
  /** Words the message must contain: the reason, named. */
  reason: RegExp
}

const CASES: Case[] = [
  { name: 'an empty file', bytes: () => Buffer.alloc(0), reason: /文件为空/ },
  {
    name: 'a file over the size limit',
    bytes: () => Buffer.alloc(MAX_IMPORT_BYTES + 1),
    reason: /文件过大.*50\.0 MB/,
  },
  { name: 'a truncated JPEG', bytes: () => truncatedJpeg(), reason: /损坏或不完整.*JPG/ },
  { name: 'a bit-flipped PNG', bytes: () => bitFlippedPng(), reason: /损坏或不完整.*PNG/ },
  {
    name: 'a bit-flipped PNG with a recomputed CRC',
    bytes: () => bitFlippedPng(true),
    reason: /损坏或不完整.*PNG/,
  },
  {
    name: 'a 30000×30000 PNG bomb',
    bytes: () => pngBomb(),
    reason: /图片尺寸过大：30000×30000.*上限/,
  },
  {
    name: 'an ELF executable named .jpg',
    bytes: () => elfBytes(),
    fileName: '身份证正面.jpg',
    reason: /这不是图片.*可执行程序/,
  },
  {
    name: 'a ZIP named .jpg',
    bytes: () => zipBytes(),
    fileName: 'scan.jpg',
    reason: /这不是图片.*压缩包/,
  },
  { name: 'a ZIP with no name', bytes: () => zipBytes(), reason: /不支持的文件类型.*压缩包/ },
  {
    name: 'an iPhone HEIC photo',
    bytes: () => heicBytes(),
    fileName: 'IMG_0001.HEIC',
    reason: /HEIC.*导出为 JPG.*兼容性最佳/,
  },
  {
    name: 'plain text',
    bytes: () => Buffer.from('营业执照号码见附件\n', 'utf8'),
    reason: /无法识别的文件格式/,
  },
  {
    name: 'a PDF with an open password',
    bytes: async () =>
      pdfWithImages([await greyScanJpeg(200, 260)], {
        encrypt: { userPassword: 'user', ownerPassword: 'owner' },
      }),
    reason: /PDF 已加密/,
  },
  {
    name: 'a PDF with an owner password only',
    bytes: async () =>
      pdfWithImages([await greyScanJpeg(200, 260)], { encrypt: { ownerPassword: 'owner' } }),
    reason: /PDF 已加密/,
  },
  {
    name: 'a PDF over the page limit',
    bytes: () => blankPdf(51),
    reason: /PDF 共 51 页，超过 50 页的上限/,
  },
  {
    name: 'a PDF whose page is too large to rasterise',
    bytes: () => hugePagePdf(),
    reason: /PDF 页面尺寸过大.*28800×28800.*上限/,
  },
  {
    name: 'a BMP (sharp cannot decode it)',
    bytes: () => bmpBytes(),
    reason: /BMP.*另存为 PNG 或 JPG/,
  },
  {
    name: 'a truncated PDF header with garbage',
    bytes: () => Buffer.from('%PDF-1.7\n' + 'x'.repeat(200), 'latin1'),
    reason: /损坏或不完整.*PDF/,
  },
]

/** A 2×2 24-bit BMP. */
function bmpBytes(): Buffer {
  const bmp = Buffer.alloc(54 + 16, 200)
  bmp.write('BM', 0, 'latin1')
  bmp.writeUInt32LE(bmp.length, 2)
  bmp.writeUInt32LE(54, 10)
  bmp.writeUInt32LE(40, 14)
  bmp.writeInt32LE(2, 18)
  bmp.writeInt32LE(2, 22)
  bmp.writeUInt16LE(1, 26)
  bmp.writeUInt16LE(24, 28)
  bmp.writeUInt32LE(0, 30)
  bmp.writeUInt32LE(16, 34)
  return bmp
}

describe('inspectFile refuses', () => {
  for (const c of CASES) {
    it(
      c.name,
      async () => {
        const error = await refusalOf(inspectFile(await c.bytes(), { fileName: c.fileName }))
        expect(error.code).toBe('FILE_REJECTED')
        expect(error.message).toMatch(CHINESE)
        expect(error.message).toMatch(c.reason)
      },
      REFUSAL_TIMEOUT_MS,
    )
  }

  it(
    'a PDF that takes longer than the time limit, naming the limit',
    async () => {
      const bytes = await pdfWithImages([await greyScanJpeg(400, 550), await greyScanJpeg()])
      const error = await refusalOf(inspectFile(bytes, { pdfTimeLimitMs: 1 }))
      expect(error.code).toBe('FILE_REJECTED')
      expect(error.message).toMatch(/PDF 处理超时（超过 1 毫秒）/)
    },
    REFUSAL_TIMEOUT_MS,
  )
})

describe('importFile', () => {
  const cleanups: (() => void)[] = []
  afterEach(() => cleanups.splice(0).forEach((c) => c()))

  function newStore(): { store: ContentStore; files: () => string[] } {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const store = new ContentStore(`${dir}/files`)
    const files = (): string[] => {
      try {
        return readdirSync(store.root, { recursive: true }).map(String)
      } catch {
        return []
      }
    }
    return { store, files }
  }

  // The decoding worker's start (pdfjs loaded; slow on a busy machine) is not a refusal's time.
  beforeAll(async () => {
    const { store } = newStore()
    await importFile(localFileStore(store), await greyScanJpeg(40, 40))
  }, 60_000)

  for (const c of CASES.filter((x) => !x.name.includes('size limit'))) {
    it(
      `stores nothing for ${c.name}`,
      async () => {
        const { store, files } = newStore()
        const error = await refusalOf(
          importFile(localFileStore(store), await c.bytes(), { fileName: c.fileName }),
        )
        expect(error.code).toBe('FILE_REJECTED')
        expect(files()).toEqual([])
      },
      REFUSAL_TIMEOUT_MS,
    )
  }

  it('stores an accepted file once, with its facts', async () => {
    const { store, files } = newStore()
    const bytes = await greyScanJpeg(200, 260)
    const first = await importFile(localFileStore(store), bytes)
    expect(first).toMatchObject({ existed: false, facts: { format: 'jpeg', color: false } })
    expect(store.has(first.sha256)).toBe(true)
    expect((await importFile(localFileStore(store), bytes)).existed).toBe(true)
    expect(files().filter((f) => f.includes(first.sha256))).toHaveLength(1)
  })
})
