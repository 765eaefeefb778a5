import { SUITE_ENGINE } from '../../helpers/backend'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportPacket } from '../../../electron/services/export/export-packet'
import { listAllDocuments } from '../../../electron/services/library/documents'
import type { ExportResult } from '../../../electron/services/export/types'
import {
  decodeWords,
  DEMO,
  DEMO_TODAY,
  demoLibrary,
  exportProblem,
  listFiles,
  parseEml,
  sha256,
  type DemoLibrary,
} from '../../helpers/export-fixtures'
import { compactText } from '../../helpers/pdf-tools'
import { expectUploadedImages } from './assertions'

let lib: DemoLibrary
let result: ExportResult

beforeAll(async () => {
  lib = await demoLibrary(true)
  result = await exportPacket(lib.backend.context, lib.packets[DEMO.email] ?? '', lib.outDir(), {
    today: DEMO_TODAY,
  })
}, 60_000)
afterAll(() => lib.cleanup())

const EMAIL_FILES = [
  '3_邮件提交/商标注册证_Maple_G1234567.png',
  '3_邮件提交/总代授权书_Maple Leaf Goods Ltd.至枫叶（香港）贸易有限公司.jpg',
]

describe('export of an email-route packet (Maple枫叶, R8)', () => {
  it('puts the link documents in 3_邮件提交 with the email draft, the certificate in both', () => {
    expect(basename(result.folder)).toBe('Maple枫叶_资质包_2026-11-28')
    expect(listFiles(result.folder)).toEqual([
      '1_头像/头像_Maple枫叶.jpg',
      '2_行业资质/服饰鞋包配饰_服装_内衣_鞋帽/行业资质_服装_内衣_鞋帽.jpg',
      '3_其他资质/商标注册证_Maple_G1234567.png',
      ...EMAIL_FILES,
      '3_邮件提交/资质认证邮件_Maple枫叶.eml',
      'manifest.json',
      '清单.pdf',
    ])
    expect(exportProblem(result.folder)).toBeNull()
    const link = result.manifest.files.find((f) => f.requirement === 'general_agency_authorization')
    expect(link).toMatchObject({ slot: 'email', kind: 'upload' })
    const certificates = result.manifest.files.filter(
      (f) => f.requirement === 'trademark_certificate',
    )
    expect(certificates.map((f) => f.slot)).toEqual(['other', 'email'])
    expect(certificates[0]?.sha256).toBe(certificates[1]?.sha256)
    expect(result.manifest.route).toBe('email')
  })

  it('makes every image compliant', async () => {
    await expectUploadedImages(
      result.folder,
      result.manifest.files.filter((f) => f.kind === 'upload'),
    )
  })

  it('writes an .eml whose subject and body name the company, account and trademark', () => {
    const eml = readFileSync(join(result.folder, '3_邮件提交', '资质认证邮件_Maple枫叶.eml'))
    const { headers, parts } = parseEml(eml)
    const subject = decodeWords(headers.get('subject') ?? '')
    for (const expected of ['枫叶（香港）贸易有限公司', 'Maple枫叶', 'Maple']) {
      expect(subject).toContain(expected)
    }
    expect(subject).not.toContain('草稿')
    expect(headers.get('x-unsent')).toBe('1')
    expect(headers.get('message-id')).toMatch(/@packetdesk\.invalid>$/)
    const text = parts.find((p) => p.contentType === 'text/plain')
    const body = text?.body.toString('utf8') ?? ''
    for (const expected of [
      '枫叶（香港）贸易有限公司',
      '「Maple枫叶」',
      'G1234567',
      '总代授权书',
    ]) {
      expect(body).toContain(expected)
    }
  })

  it('attaches exactly the loose files of 3_邮件提交, byte for byte', () => {
    const eml = readFileSync(join(result.folder, '3_邮件提交', '资质认证邮件_Maple枫叶.eml'))
    const attachments = parseEml(eml).parts.filter((p) => p.filename !== null)
    expect(attachments.map((a) => a.filename)).toEqual(EMAIL_FILES.map((f) => basename(f)))
    for (const attachment of attachments) {
      const path = `3_邮件提交/${attachment.filename ?? ''}`
      const onDisk = readFileSync(join(result.folder, ...path.split('/')))
      expect(attachment.body.length, path).toBe(onDisk.length)
      expect(sha256(attachment.body), path).toBe(sha256(onDisk))
      const entry = result.manifest.files.find((f) => f.path === path)
      expect(entry?.sha256).toBe(sha256(attachment.body))
      expect(attachment.contentType).toBe(path.endsWith('.png') ? 'image/png' : 'image/jpeg')
    }
  })

  it('tells in 清单.pdf to send the email and lists the email files', () => {
    const text = compactText(join(result.folder, '清单.pdf'))
    expect(text).toContain('邮件提交')
    expect(text).toContain('3_邮件提交/资质认证邮件_Maple枫叶.eml')
    expect(text).toContain('R10·已满足')
    expect(text).toContain('总代授权书')
  })

  it('fails without leaving anything behind when a stored file is damaged (team: fetched again)', async () => {
    const letter = result.manifest.files.find(
      (f) => f.requirement === 'general_agency_authorization',
    )
    const document = (await listAllDocuments(lib.backend.context.library.db)).find(
      (d) => d.requirement === 'general_agency_authorization',
    )
    const sha = document?.file?.sha256 ?? ''
    expect(letter).toBeDefined()
    writeFileSync(lib.backend.store.path(sha), Buffer.from('not the letter any more'))
    const outDir = lib.outDir()
    const attempt = exportPacket(lib.backend.context, lib.packets[DEMO.email] ?? '', outDir, {
      today: DEMO_TODAY,
    })
    if (SUITE_ENGINE === 'sqlite') {
      await expect(attempt).rejects.toMatchObject({ code: 'INTERNAL' })
      await expect(attempt).rejects.toThrow(/总代授权书.*导出失败.*损坏/)
      expect(readdirSync(outDir)).toEqual([])
    } else {
      // The damaged copy was only the local cache: the team's verified blob replaces it.
      await expect(attempt).resolves.toHaveProperty('manifest')
      expect(sha256(readFileSync(lib.backend.store.path(sha)))).toBe(sha)
    }
  })
})
