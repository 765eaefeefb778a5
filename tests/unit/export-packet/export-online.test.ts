import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportPacket } from '../../../electron/services/export/export-packet'
import type { ExportProgress, ExportResult } from '../../../electron/services/export/types'
import { buildScenario } from '../../../electron/services/packets/scenario'
import { plan } from '../../../shared/rules/plan'
import { requirementLabel, STATUS_LABELS } from '../../../shared/rules/labels'
import { isAnyOf } from '../../../shared/rules/types'
import {
  DEMO,
  DEMO_TODAY,
  demoLibrary,
  exportProblem,
  listFiles,
  type DemoLibrary,
} from '../../helpers/export-fixtures'
import { compactText, pdffonts, pageCount } from '../../helpers/pdf-tools'
import { expectUploadedImages } from './assertions'

let lib: DemoLibrary
let outDir: string
let result: ExportResult
const progress: ExportProgress[] = []

beforeAll(async () => {
  lib = await demoLibrary(true)
  outDir = lib.outDir()
  const id = lib.packets[DEMO.ready] ?? ''
  result = await exportPacket(lib.backend.context, id, outDir, {
    today: DEMO_TODAY,
    onProgress: (p) => progress.push(p),
  })
}, 60_000)
afterAll(() => lib.cleanup())

describe('export of a ready online packet (青禾文化)', () => {
  it('writes one folder named after the account and date, with a slot folder per form slot', () => {
    expect(basename(result.folder)).toBe('青禾文化_资质包_2026-11-28')
    expect(readdirSync(outDir)).toEqual(['青禾文化_资质包_2026-11-28'])
    expect(listFiles(result.folder)).toEqual([
      '1_头像/头像_青禾文化.jpg',
      '2_行业资质/美妆个护_护肤_彩妆_香水（普通化妆品）/普通化妆品备案（备案编号_国家药监局备案信息截图）.jpg',
      '3_其他资质/商标注册证_青禾_45678901.jpg',
      'manifest.json',
      '清单.pdf',
    ])
  })

  it('makes every image compliant: JPEG/PNG, ≤ 1,000,000 bytes, no metadata', async () => {
    const uploads = result.manifest.files.filter((f) => f.kind === 'upload')
    expect(uploads).toHaveLength(3)
    await expectUploadedImages(result.folder, uploads)
  })

  it('makes the avatar exactly 800×800 JPEG', async () => {
    const avatar = readFileSync(join(result.folder, '1_头像', '头像_青禾文化.jpg'))
    const meta = await sharp(avatar).metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 800, 800])
  })

  it('writes a manifest whose entries match the files on disk', () => {
    expect(exportProblem(result.folder)).toBeNull()
    const manifest = result.manifest
    expect(manifest).toMatchObject({
      format: 1,
      accountName: DEMO.ready,
      applicant: '上海青禾文化传媒有限公司',
      route: 'online',
      ready: true,
      draft: false,
      asOf: DEMO_TODAY,
      folder: '青禾文化_资质包_2026-11-28',
    })
    const certificate = manifest.files.find((f) => f.requirement === 'trademark_certificate')
    expect(certificate).toMatchObject({ slot: 'other', kind: 'upload', width: 1240, height: 1754 })
    expect(certificate?.subject).toMatch(/^tm-/)
    const onDisk = JSON.parse(readFileSync(join(result.folder, 'manifest.json'), 'utf8')) as unknown
    expect(onDisk).toEqual(manifest)
  })

  it('writes 清单.pdf in Chinese with every requirement, its rule, status and file', async () => {
    const pdf = join(result.folder, '清单.pdf')
    const text = compactText(pdf)
    const scenario = await buildScenario(
      lib.backend.context.library.db,
      lib.packets[DEMO.ready] ?? '',
      DEMO_TODAY,
    )
    const packetPlan = plan(scenario, await lib.backend.catalog())
    for (const item of packetPlan.requirements) {
      const ids = isAnyOf(item) ? item.anyOf.map((a) => a.id) : [item.id]
      for (const id of ids) expect(text).toContain(requirementLabel(id))
      expect(text).toContain(`${item.rule}·${STATUS_LABELS[item.status].zh}`)
    }
    for (const file of result.manifest.files.filter((f) => f.kind === 'upload')) {
      expect(text).toContain(file.path.replace(/\s+/g, ''))
    }
    for (const expected of [
      '资质包清单',
      '上海青禾文化传媒有限公司',
      '企业主体',
      '上传步骤',
      '前提条件',
    ]) {
      expect(text).toContain(expected)
    }
    expect(text).not.toContain('草稿')
    const fonts = pdffonts(pdf)
    expect(fonts.length).toBeGreaterThan(0)
    for (const font of fonts) {
      expect(font).toMatchObject({ emb: true, sub: true, uni: true })
      expect(font.name).toMatch(/^[A-Z]{6}\+NotoSansSC/)
    }
    expect(pageCount(pdf)).toBeGreaterThanOrEqual(1)
  })

  it('reports progress up to the last step', () => {
    expect(progress.length).toBeGreaterThan(3)
    expect(progress.map((p) => p.phase)).toContain('files')
    const last = progress[progress.length - 1]
    expect(last?.phase).toBe('finish')
    expect(last && last.done + 1).toBe(last?.total)
  })

  it('never overwrites an existing export: a second one gets a suffix', async () => {
    const before = readFileSync(join(result.folder, 'manifest.json'))
    const second = await exportPacket(lib.backend.context, lib.packets[DEMO.ready] ?? '', outDir, {
      today: DEMO_TODAY,
    })
    expect(basename(second.folder)).toBe('青禾文化_资质包_2026-11-28_2')
    expect(second.manifest.folder).toBe('青禾文化_资质包_2026-11-28_2')
    expect(readFileSync(join(result.folder, 'manifest.json'))).toEqual(before)
    expect(exportProblem(second.folder)).toBeNull()
    expect(readdirSync(outDir).filter((n) => n.startsWith('.'))).toEqual([])
    expect(existsSync(join(outDir, '青禾文化_资质包_2026-11-28_3'))).toBe(false)
  }, 30_000)
})
