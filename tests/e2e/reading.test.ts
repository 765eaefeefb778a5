import { openApp, type AppSession } from '../helpers/app-session'
import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeScanSamples, type ScanSample } from '../helpers/scan-samples'

/**
 * Scan reading in the app (issue 12), on a backend that reads scans as the app does (PaddleOCR in
 * its worker): two scans, a licence and a trademark certificate. OCR takes seconds a page on two
 * cores, so the waits for a read are long.
 */

const SHOTS = '/tmp/reading-shots'
const READ_TIMEOUT = 120_000
const COMPANY = '上海星河广告有限公司'
/** An industry whose scope keywords (广告发布) are in the licence's 经营范围. */
const INDUSTRY = { primary: '游戏', secondary: '游戏代理/发行/推广' }
const R3_SCOPE = 'R3：经营范围中未找到与“游戏/游戏代理/发行/推广”相关的表述'

let session: AppSession
let page: Page
let problems: string[]
let licence: ScanSample
let certificate: ScanSample
let idCard: ScanSample
let licenceFile: string
let certificateFile: string
let companyId = ''
let packetId = ''

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true })
  session = await openApp({ readScans: true, height: 1000 })
  ;({ page, problems } = session)
  const samples = await makeScanSamples()
  const sample = (name: string) => {
    const found = samples.find((s) => s.name === name)
    if (!found) throw new Error(`no scan sample ${name}`)
    return found
  }
  licence = sample('licence-colour')
  certificate = sample('certificate')
  idCard = sample('id-colour')
  licenceFile = join(session.temp.dir, '星河-营业执照.jpg')
  certificateFile = join(session.temp.dir, '星河-商标注册证.png')
  writeFileSync(licenceFile, licence.bytes)
  writeFileSync(certificateFile, certificate.bytes)
  // The app opens on 今日.
  await page.getByRole('navigation').getByText('资料库').click()
})
afterAll(async () => {
  await session?.close()
})

const handlers = () => session.running.backend.handlers

async function openPacketCheck(accountName: string) {
  await page.getByRole('navigation').getByText('资质包').click()
  const back = page.getByRole('button', { name: '返回列表' })
  if (await back.isVisible()) await back.click()
  await page.getByTestId('packets-table').getByText(accountName, { exact: true }).click()
  await page.getByRole('button', { name: '检查' }).click()
  await expect.poll(() => page.getByTestId('plan-row').count()).toBeGreaterThan(0)
}

async function openLibraryRecord(tab: string, table: string, name: string) {
  await page.getByRole('navigation').getByText('资料库').click()
  await page.getByRole('tab', { name: tab }).click()
  await page.getByTestId(table).getByText(name, { exact: true }).click()
}

/** The open dialogs have finished fading in (a screenshot mid-fade shows both layers). */
async function settled() {
  await expect
    .poll(() =>
      page.locator('.mantine-Modal-content, .mantine-Drawer-content').evaluateAll((els) => {
        // In the page (the tests' own types have no DOM).
        const view = globalThis as unknown as {
          getComputedStyle: (el: unknown) => { opacity: string }
        }
        return els.every((el) => view.getComputedStyle(el).opacity === '1')
      }),
    )
    .toBe(true)
}

/** Loaded pictures among these (an <img> whose data has been decoded). */
function loadedImages(images: Locator): Promise<number> {
  return images.evaluateAll(
    (imgs) =>
      imgs.filter((i) => (i as unknown as { naturalWidth: number }).naturalWidth > 0).length,
  )
}

describe('scan reading in the browser', () => {
  it('reads an imported licence, fills the company’s empty fields, and R3 then finds the scope', async () => {
    // A company with only its name.
    await page.getByRole('button', { name: '新建' }).click()
    await page.getByLabel('公司名称').fill(COMPANY)
    await page.getByRole('button', { name: '保存' }).click()
    await expect
      .poll(() => page.getByTestId('companies-table').getByText(COMPANY).isVisible())
      .toBe(true)
    const [company] = await handlers()['companies.list']({})
    companyId = company?.id ?? ''
    expect(company?.businessScope ?? '').toBe('')
    const packet = await handlers()['packets.save']({
      applicantCompanyId: companyId,
      accountType: 'enterprise',
      accountName: '星河广告',
      promotedSubject: 'none',
      industries: [INDUSTRY],
      trademarkIds: [],
    })
    packetId = packet.id

    // Before: the scope is empty, so R3 cannot find the industry in it.
    await openPacketCheck('星河广告')
    await expect.poll(() => page.getByText(R3_SCOPE).isVisible()).toBe(true)

    // Import the licence scan as the company's 营业执照; the app reads it in the background.
    await openLibraryRecord('公司', 'companies-table', COMPANY)
    await page.getByRole('combobox', { name: '文件用途' }).click()
    await page.getByRole('option', { name: '营业执照' }).click()
    await page.locator('[data-testid="dropzone"] input[type="file"]').setInputFiles(licenceFile)
    await expect.poll(() => page.getByTestId('import-outcome').textContent()).toContain('已导入')
    // The progress line, in the drawer too (the drawer covers the header's end).
    const drawer = page.getByRole('dialog', { name: COMPANY })
    await expect.poll(() => drawer.getByTestId('reading-progress').isVisible()).toBe(true)
    expect(await drawer.getByTestId('reading-progress').textContent()).toContain('正在识别扫描件')
    expect(await page.getByTestId('reading-badge').textContent()).toBe('识别中…')
    await page.screenshot({ path: join(SHOTS, 'reading-progress.png') })
    await expect
      .poll(() => page.getByTestId('reading-badge').textContent(), { timeout: READ_TIMEOUT })
      .toBe('已识别：营业执照')
    // Idle again: the progress line goes away (and stops asking).
    await expect.poll(() => page.getByTestId('reading-progress').count()).toBe(0)

    // 识别结果: the fields as read, beside the record's (empty) ones.
    await page.getByTestId('reading-open').click()
    const panel = page.getByTestId('reading-panel')
    await expect.poll(() => panel.getByTestId('reading-kind').textContent()).toBe('营业执照')
    const row = (field: string) =>
      panel.locator(`[data-testid="reading-field"][data-field="${field}"]`)
    expect(await row('uscc').textContent()).toContain(licence.fields.uscc)
    expect(await row('uscc').textContent()).toContain('（空）')
    expect(await row('businessScope').textContent()).toContain('广告发布')
    expect(await row('name').textContent()).toContain('与记录一致')
    const fillAll = panel.getByRole('button', { name: /全部填入（\d+ 项）/ })
    expect(await fillAll.textContent()).toContain('2 项')
    // The line a field was read from, on request.
    await row('uscc').getByTestId('reading-field-source').click()
    await expect.poll(() => loadedImages(panel.getByTestId('scan-line'))).toBe(1)
    await settled()
    await page.screenshot({ path: join(SHOTS, 'reading-panel-licence.png') })

    await fillAll.click()
    await expect.poll(() => panel.getByTestId('reading-notice').textContent()).toBe('已填入 2 项')
    await expect.poll(() => row('uscc').textContent()).toContain('与记录一致')
    expect(await row('businessScope').textContent()).toContain('与记录一致')
    expect(await panel.getByRole('button', { name: '全部填入' }).isDisabled()).toBe(true)
    await page.screenshot({ path: join(SHOTS, 'reading-panel-filled.png') })
    await page
      .getByRole('dialog', { name: /识别结果/ })
      .getByRole('button')
      .first()
      .click()

    // The record shows them: the drawer's summary and the list refetch on the change.
    await expect.poll(() => drawer.getByText(licence.fields.uscc ?? '').isVisible()).toBe(true)
    await expect.poll(() => drawer.getByText(/广告发布/).isVisible()).toBe(true)
    await page.keyboard.press('Escape')
    await expect
      .poll(() =>
        page
          .getByTestId('companies-table')
          .getByText(licence.fields.uscc ?? '')
          .isVisible(),
      )
      .toBe(true)

    // After: R3 finds 广告发布 in the filled scope (the industry's own papers are still missing).
    await openPacketCheck('星河广告')
    await expect.poll(() => page.getByText(R3_SCOPE).count()).toBe(0)
    expect(await page.getByTestId('plan-row').filter({ hasText: '游戏代理' }).count()).toBe(1)
    const saved = (await handlers()['companies.list']({})).find((c) => c.id === companyId)
    expect(saved?.businessScope).toContain('广告发布')

    // A word only the scan says finds the company through its licence.
    await page.getByRole('navigation').getByText('资料库').click()
    await page.getByLabel('搜索资料库').fill('周立群')
    const hit = page.getByTestId('search-hit').filter({ hasText: '扫描件' })
    await expect.poll(() => hit.textContent()).toContain(COMPANY)
    await hit.click()
    await expect.poll(() => page.getByRole('dialog', { name: COMPANY }).isVisible()).toBe(true)
    await page.keyboard.press('Escape')
    await page.getByLabel('搜索资料库').fill('')
    expect(problems).toEqual([])
  }, 240_000)

  it('a certificate read with another 注册号 names both numbers in the check step, beside its line', async () => {
    const regNo = certificate.fields.regNo ?? ''
    // The record's number with its last digit changed.
    const recorded = `${regNo.slice(0, -1)}${(Number(regNo.slice(-1)) + 1) % 10}`
    const mark = await handlers()['trademarks.save']({
      regNo: recorded,
      text: '星河',
      class: 35,
      registrant: { kind: 'company', id: companyId },
      status: 'registered',
      validUntil: certificate.fields.validUntil ?? null,
    })
    const packet = (await handlers()['packets.list']({})).find((p) => p.id === packetId)
    if (!packet) throw new Error('packet missing')
    await handlers()['packets.save']({
      id: packet.id,
      version: packet.version,
      applicantCompanyId: companyId,
      accountType: 'enterprise',
      accountName: packet.accountName,
      promotedSubject: 'none',
      industries: packet.industries,
      trademarkIds: [mark.id],
    })

    // Import the certificate from the check step's own button.
    await openPacketCheck('星河广告')
    const certRow = page.getByTestId('plan-row').filter({ hasText: '商标注册证（“星河”）' })
    await certRow.getByRole('button', { name: '导入文件' }).click()
    await page.locator('[data-testid="dropzone"] input[type="file"]').setInputFiles(certificateFile)
    await expect.poll(() => page.getByTestId('import-outcome').textContent()).toContain('已导入')
    await expect
      .poll(() => page.getByTestId('reading-badge').textContent(), { timeout: READ_TIMEOUT })
      .toBe('已识别：商标注册证')
    await page.keyboard.press('Escape')

    // R15: the plan names both numbers, and shows the line the scan's number was read from.
    await expect
      .poll(() => certRow.textContent())
      .toContain(`R15：扫描件显示注册号 ${regNo}，记录为 ${recorded}，两者不一致`)
    expect(await certRow.textContent()).toContain('不可用')
    await expect.poll(() => loadedImages(certRow.getByTestId('scan-line'))).toBe(1)
    await certRow.scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(SHOTS, 'check-step-r15-crop.png'), fullPage: true })
    await certRow.screenshot({ path: join(SHOTS, 'check-step-r15-row.png') })
    expect(problems).toEqual([])
  }, 240_000)

  it('an ID copy read with another number: its line (which shows the number) only on request, audited', async () => {
    // Its reading is put in the read cache before the import (the page's own text, a line under
    // the other), so this needs no third OCR run: the import finds the scan read.
    const reading = session.running.backend.context.reading
    if (!reading) throw new Error('the test backend reads no scans')
    const { width, height } = await sharp(idCard.bytes).metadata()
    const sha256 = createHash('sha256').update(idCard.bytes).digest('hex')
    reading.cache.putPages(sha256, [
      {
        rotation: 0,
        skew: 0,
        width,
        height,
        lines: idCard.lines.map((text, i) => ({
          text,
          confidence: 0.97,
          box: { x: 100, y: 100 + i * 60, width: width - 200, height: 50 },
        })),
        sealSeparated: false,
        colour: true,
      },
    ])
    const idFile = join(session.temp.dir, '李春燕-身份证.jpg')
    writeFileSync(idFile, idCard.bytes)

    // 李春燕 registers the mark; the record has another (valid) number than her card.
    const person = await handlers()['persons.save']({
      name: '李春燕',
      idType: 'resident_id',
      idNumber: '110105196809151373',
    })
    const mark = await handlers()['trademarks.save']({
      regNo: '55667788',
      text: '春燕',
      class: 35,
      registrant: { kind: 'person', id: person.id },
      status: 'registered',
      validUntil: '2030-01-01',
    })
    const packet = await handlers()['packets.save']({
      applicantCompanyId: companyId,
      accountType: 'enterprise',
      accountName: '春燕好物',
      promotedSubject: 'none',
      industries: [INDUSTRY],
      trademarkIds: [mark.id],
    })

    await openPacketCheck(packet.accountName)
    const idRow = page.getByTestId('plan-row').filter({ hasText: '复印件（签字）（李春燕）' })
    await idRow.getByRole('button', { name: '导入文件' }).click()
    await page.locator('[data-testid="dropzone"] input[type="file"]').setInputFiles(idFile)
    await expect.poll(() => page.getByTestId('import-outcome').textContent()).toContain('已导入')
    const [doc] = await handlers()['documents.list']({ ownerKind: 'person', ownerId: person.id })
    expect(doc?.file?.sha256).toBe(sha256)
    await expect
      .poll(() => page.getByTestId('reading-badge').textContent())
      .toBe('已识别：居民身份证')
    await page.keyboard.press('Escape')

    const reveals = () =>
      (
        session.running.backend.db
          .prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'reveal_id_number'")
          .get() as { n: number }
      ).n
    const before = reveals()
    await expect.poll(() => idRow.textContent()).toContain('R16：证件复印件显示号码')
    // The line is offered, not loaded: nothing shown, nothing audited.
    const show = idRow.getByTestId('scan-line-show')
    await expect.poll(() => show.textContent()).toBe('查看原文（查看会被记录）')
    expect(await idRow.getByTestId('scan-line').count()).toBe(0)
    expect(reveals()).toBe(before)
    await show.click()
    await expect.poll(() => loadedImages(idRow.getByTestId('scan-line'))).toBe(1)
    expect(reveals()).toBe(before + 1)
    await idRow.screenshot({ path: join(SHOTS, 'check-step-r16-row.png') })
    expect(problems).toEqual([])
  }, 120_000)

  it('the 识别结果 panel in English', async () => {
    await handlers()['settings.setLanguage']({ language: 'en' })
    await page.reload()
    await page.getByRole('navigation').getByText('Library').click()
    await page.getByRole('tab', { name: 'Trademarks' }).click()
    await page.getByTestId('trademarks-table').getByText('星河', { exact: true }).click()
    await expect
      .poll(() => page.getByTestId('reading-badge').textContent())
      .toBe('Read: trademark certificate')
    await page.getByTestId('reading-open').click()
    const panel = page.getByTestId('reading-panel')
    await expect
      .poll(() => panel.getByTestId('reading-kind').textContent())
      .toBe('trademark certificate')
    const regNoRow = panel.locator('[data-testid="reading-field"][data-field="regNo"]')
    expect(await regNoRow.textContent()).toContain('Differs from the record')
    await settled()
    await page.screenshot({ path: join(SHOTS, 'reading-panel-english.png') })
    await page.keyboard.press('Escape')
    await handlers()['settings.setLanguage']({ language: 'zh-CN' })
    expect(problems).toEqual([])
  }, 120_000)

  it('设置 → 扫描件识别 reads every scan not read yet, and stops when asked', async () => {
    // Two scans imported and their reading stopped at once: in the library, not read.
    const company = await handlers()['companies.save']({
      name: '某文化传媒有限公司',
      region: 'domestic',
    })
    const unread = (await makeScanSamples()).filter((s) =>
      ['licence-grey-noise', 'transfer-notice'].includes(s.name),
    )
    for (const sample of unread) {
      await handlers()['documents.import']({
        ownerKind: 'company',
        ownerId: company.id,
        requirement: 'business_licence',
        fileName: `${sample.name}.jpg`,
        dataBase64: sample.bytes.toString('base64'),
      })
    }
    await handlers()['reading.cancel']({})
    await page.reload()
    await page.getByRole('navigation').getByText('设置').click()
    const card = page.getByTestId('reading-settings')
    await card.getByRole('button', { name: '识别全部未识别的扫描件' }).click()
    await expect
      .poll(() => card.getByTestId('reading-settings-note').textContent())
      .toBe('已排队识别 2 个文件。')
    await expect.poll(() => card.getByTestId('reading-progress').count()).toBe(1)
    await card.getByRole('button', { name: '停止识别' }).click()
    await expect
      .poll(() => card.getByTestId('reading-settings-note').textContent())
      .toBe('已停止识别。')
    await expect
      .poll(() => card.getByTestId('reading-progress').count(), { timeout: 30_000 })
      .toBe(0)
    expect(await handlers()['reading.status']({})).toMatchObject({ queued: 0, current: null })
    expect(problems).toEqual([])
  }, 120_000)
})
