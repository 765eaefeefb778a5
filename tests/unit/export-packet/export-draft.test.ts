import { readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportPacket } from '../../../electron/services/export/export-packet'
import { listRelations } from '../../../electron/services/library/relations'
import { listTrademarks } from '../../../electron/services/library/trademarks'
import { AppError } from '../../../shared/errors'
import {
  DEMO,
  DEMO_TODAY,
  demoLibrary,
  exportProblem,
  listFiles,
  type DemoLibrary,
} from '../../helpers/export-fixtures'
import { compactText } from '../../helpers/pdf-tools'
import { expectUploadedImages } from './assertions'

let lib: DemoLibrary

/** A landscape photo of a letter, stored sideways with EXIF orientation 6 and a GPS-like tag. */
async function sidewaysLetter(): Promise<Buffer> {
  return sharp({
    create: { width: 1200, height: 900, channels: 3, background: { r: 230, g: 60, b: 40 } },
  })
    .composite([
      {
        input: Buffer.from(
          '<svg width="1200" height="900"><rect x="100" y="100" width="300" height="200" fill="#202080"/></svg>',
        ),
      },
    ])
    .jpeg({ quality: 90 })
    .withExif({ IFD0: { Copyright: 'secret-exif-marker', Artist: 'camera owner' } })
    .withMetadata({ orientation: 6 })
    .toBuffer()
}

beforeAll(async () => {
  lib = await demoLibrary(true)
  // 禾木生活 lacks 张伟's authorization letter; give it one photographed sideways with EXIF.
  const relation = (await listRelations(lib.backend.context.library.db)).find(
    (r) => r.type === 'authorization' && r.from.name === '张伟',
  )
  await lib.backend.handlers['documents.import']({
    ownerKind: 'relation',
    ownerId: relation?.id ?? '',
    requirement: 'authorization_letter',
    fileName: '张伟授权书.jpg',
    dataBase64: (await sidewaysLetter()).toString('base64'),
  })
}, 60_000)
afterAll(() => lib.cleanup())

describe('packets that are not ready', () => {
  it('refuses without draft, naming what is missing (AppError CONFLICT), and writes nothing', async () => {
    const outDir = lib.outDir()
    const attempt = exportPacket(lib.backend.context, lib.packets[DEMO.brand] ?? '', outDir, {
      today: DEMO_TODAY,
    })
    await expect(attempt).rejects.toBeInstanceOf(AppError)
    const error = (await attempt.catch((e: unknown) => e)) as AppError
    expect(error.code).toBe('CONFLICT')
    expect(error.message).toContain('山岚旗舰店')
    expect(error.message).toContain('账号头像')
    expect(error.message).toContain('授权书（杭州山岚品牌管理有限公司 → 上海青禾文化传媒有限公司）')
    expect(error.message).toContain('工信部备案截图')
    expect(error.message).toContain('草稿')
    expect(readdirSync(outDir)).toEqual([])
  })

  it('exports with draft: 草稿 in the folder name and in 清单.pdf, PDF pages rasterised', async () => {
    const result = await exportPacket(
      lib.backend.context,
      lib.packets[DEMO.brand] ?? '',
      lib.outDir(),
      {
        today: DEMO_TODAY,
        draft: true,
      },
    )
    expect(basename(result.folder)).toBe('山岚旗舰店_资质包_草稿_2026-11-28')
    expect(result.manifest).toMatchObject({ draft: true, ready: false })
    expect(listFiles(result.folder)).toEqual([
      '2_行业资质/美妆个护_护肤_彩妆_香水（普通化妆品）/普通化妆品备案（备案编号_国家药监局备案信息截图）.jpg',
      '3_其他资质/商标注册证_山岚_56789012_第1页.jpg',
      '3_其他资质/商标注册证_山岚_56789012_第2页.jpg',
      'manifest.json',
      '清单.pdf',
    ])
    expect(exportProblem(result.folder)).toBeNull()
    const pages = result.manifest.files.filter((f) => f.requirement === 'trademark_certificate')
    expect(pages.map((p) => [p.page, p.pages])).toEqual([
      [1, 2],
      [2, 2],
    ])
    await expectUploadedImages(
      result.folder,
      result.manifest.files.filter((f) => f.kind === 'upload'),
    )
    const text = compactText(join(result.folder, '清单.pdf'))
    expect(text).toContain('草稿——本资质包尚未满足提交条件')
    expect(text).toContain('草稿·请勿提交')
    expect(text).toContain('缺少：账号头像')
    expect(text).toContain('R13·缺少')
    expect(text).toContain('60天后到期')
  }, 30_000)

  it('labels a ready packet exported with draft: true as final', async () => {
    const result = await exportPacket(
      lib.backend.context,
      lib.packets[DEMO.ready] ?? '',
      lib.outDir(),
      {
        today: DEMO_TODAY,
        draft: true,
      },
    )
    expect(basename(result.folder)).toBe('青禾文化_资质包_2026-11-28')
    expect(result.manifest.draft).toBe(false)
  })

  it('orients and strips an EXIF photo, and watermarks the ID copy by default', async () => {
    const id = lib.packets[DEMO.person] ?? ''
    const marked = await exportPacket(lib.backend.context, id, lib.outDir(), {
      today: DEMO_TODAY,
      draft: true,
    })
    const plain = await exportPacket(lib.backend.context, id, lib.outDir(), {
      today: DEMO_TODAY,
      draft: true,
      watermark: false,
    })
    expect(basename(marked.folder)).toBe('禾木生活_资质包_草稿_2026-11-28')
    const uploads = marked.manifest.files.filter((f) => f.kind === 'upload')
    await expectUploadedImages(marked.folder, uploads)
    expect(uploads.map((f) => f.path)).toEqual([
      '3_其他资质/商标注册证_禾木_34567890.jpg',
      '3_其他资质/身份证复印件_张伟.jpg',
      '3_其他资质/授权书_张伟至上海青禾文化传媒有限公司.jpg',
    ])

    // Stored 1200×900 with orientation 6: upright it is 900×1200, and no EXIF text survives.
    const letter = uploads.find((f) => f.requirement === 'authorization_letter')
    expect([letter?.width, letter?.height]).toEqual([900, 1200])
    const letterBytes = readFileSync(join(marked.folder, ...(letter?.path ?? '').split('/')))
    expect(letterBytes.includes('secret-exif-marker')).toBe(false)

    const copy = (folder: string) =>
      sharp(readFileSync(join(folder, '3_其他资质', '身份证复印件_张伟.jpg')))
        .greyscale()
        .raw()
        .toBuffer()
    const [a, b] = await Promise.all([copy(marked.folder), copy(plain.folder)])
    expect(a.length).toBe(b.length)
    let changed = 0
    for (let i = 0; i < a.length; i++) if (Math.abs((a[i] ?? 0) - (b[i] ?? 0)) > 24) changed++
    // The watermark covers the card diagonally many times over: well over 1 % of its pixels.
    expect(changed / a.length).toBeGreaterThan(0.01)
    // The checklist never prints ID numbers.
    expect(compactText(join(marked.folder, '清单.pdf'))).not.toContain('11010519491231002X')
  }, 40_000)

  it('lists blockers with their dates in 清单.pdf (R6: application not three months old)', async () => {
    const h = lib.backend.handlers
    const mark = (await listTrademarks(lib.backend.context.library.db)).find(
      (t) => t.text === '青禾优选',
    )
    const packet = await h['packets.save']({
      applicantCompanyId: mark?.registrant.id ?? '',
      accountType: 'enterprise',
      accountName: '青禾优选',
      promotedSubject: 'none',
      industries: [],
      trademarkIds: [mark?.id ?? ''],
    })
    const outDir = lib.outDir()
    const refused = exportPacket(lib.backend.context, packet.id, outDir, { today: DEMO_TODAY })
    await expect(refused).rejects.toThrow(/R6.*最早可提交日期：\d{4}-\d{2}-\d{2}/s)
    const result = await exportPacket(lib.backend.context, packet.id, outDir, {
      today: DEMO_TODAY,
      draft: true,
    })
    const text = compactText(join(result.folder, '清单.pdf'))
    const until = /最早可提交日期：(\d{4}-\d{2}-\d{2})/.exec(text)?.[1]
    expect(until).toBeDefined()
    expect(until && until > DEMO_TODAY).toBe(true)
    expect(text).toContain('阻碍事项')
    expect(text).toContain('【未完成】')
    expect(readdirSync(outDir)).toEqual(['青禾优选_资质包_草稿_2026-11-28'])
  })
})
