import { openApp, SHOTS, type AppSession } from '../helpers/app-session'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

/** Issue 13 item 11: the forms (ID error, expired trademark, dates, Escape, cards, avatar). */

let session: AppSession
let temp: AppSession['temp']
let page: Page
let problems: string[]

beforeAll(async () => {
  session = await openApp({ demo: true })
  ;({ temp, page, problems } = session)
})
afterAll(async () => {
  await session?.close()
})
// Each test starts from a fresh page in Chinese: one that fails leaves nothing over the next.
beforeEach(async () => {
  await session.running.backend.handlers['settings.setLanguage']({ language: 'zh-CN' })
  await page.reload()
})

const handlers = () => session.running.backend.handlers
const dialog = () => page.getByRole('dialog')
const CJK = /[\u3400-\u9fff\uff08\uff09\u3001\u3002\uff1a]/

async function library(tab: string) {
  await page.getByRole('navigation').getByText('资料库').click()
  await page.getByRole('tab', { name: tab }).click()
}

async function openPacket(accountName: string) {
  await page.getByRole('navigation').getByText('资质包').click()
  const back = page.getByRole('button', { name: '返回列表' })
  if (await back.isVisible()) await back.click()
  await page.getByTestId('packets-table').getByText(accountName, { exact: true }).click()
  await expect.poll(() => page.getByText('已注册小红书账号并绑定手机号').isVisible()).toBe(true)
}

async function jpeg(name: string, width: number, height: number, colour = '#1f6f5c') {
  const file = join(temp.dir, name)
  writeFileSync(
    file,
    await sharp({ create: { width, height, channels: 3, background: colour } })
      .jpeg()
      .toBuffer(),
  )
  return file
}

describe('forms (issue 13 item 11)', () => {
  it('the ID number’s refusal goes as soon as the number is fixed', async () => {
    await library('自然人')
    await page.getByRole('button', { name: '新建', exact: true }).click()
    await dialog().getByLabel('姓名').fill('李雷')
    const number = dialog().getByLabel('证件号码')
    // A wrong check digit: the backend refuses it, the form shows why.
    await number.fill('110105194912310021')
    await dialog().getByRole('button', { name: '保存' }).click()
    const refusal = dialog().locator('.mantine-Alert-root')
    await expect.poll(() => refusal.count()).toBe(1)
    await page.screenshot({ path: join(SHOTS, 'forms-id-refused.png') })
    await number.fill('11010519491231002X')
    await expect.poll(() => refusal.count()).toBe(0)
    await expect.poll(() => dialog().getByText('号码有效').isVisible()).toBe(true)
    await page.screenshot({ path: join(SHOTS, 'forms-id-fixed.png') })
    await dialog().getByRole('button', { name: '保存' }).click()
    await expect.poll(() => dialog().count()).toBe(0)
    expect(problems).toEqual([])
  })

  it('an expired trademark date is typed as YYYY-MM-DD and warned about on save', async () => {
    await library('商标')
    await page.getByTestId('trademarks-table').getByText('山岚', { exact: true }).click()
    await page.getByRole('button', { name: '编辑' }).click()
    const date = dialog().getByLabel('注册有效期至')
    // A text field: what is typed is what is shown, in every language (no locale date picker).
    expect(await date.getAttribute('type')).not.toBe('date')
    expect(await date.getAttribute('placeholder')).toBe('YYYY-MM-DD')
    await date.fill('2020-13-01')
    await expect.poll(() => dialog().getByText('格式 YYYY-MM-DD').isVisible()).toBe(true)
    await date.fill('2020-01-01')
    expect(await date.inputValue()).toBe('2020-01-01')
    await dialog().getByRole('button', { name: '保存' }).click()
    const warning = dialog().getByTestId('trademark-expired-warning')
    await expect.poll(() => warning.isVisible()).toBe(true)
    expect(await warning.textContent()).toMatch(/2020-01-01，已过期 \d+ 天/)
    await page.screenshot({ path: join(SHOTS, 'forms-trademark-expired.png') })
    // Still allowed: a second 保存 saves it as typed.
    await dialog().getByRole('button', { name: '保存' }).click()
    await expect.poll(() => page.getByRole('dialog', { name: '编辑商标' }).count()).toBe(0)
    const saved = (await handlers()['trademarks.list']({})).find((t) => t.text === '山岚')
    expect(saved?.validUntil).toBe('2020-01-01')
    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator('.mantine-Drawer-root').count()).toBe(0)
  })

  it('行业资质 cards name the document and its file', async () => {
    await library('公司')
    await page.getByTestId('companies-table').getByText('上海青禾文化传媒有限公司').click()
    const card = page.locator('.mantine-Card-root').filter({ hasText: '普通化妆品备案' })
    await expect.poll(() => card.count()).toBe(1)
    expect(await card.getByTestId('document-name').textContent()).toBe(
      '普通化妆品备案（备案编号/国家药监局备案信息截图）',
    )
    expect(await card.getByTestId('document-file-name').textContent()).toBe('普通化妆品备案.jpg')
    await page.screenshot({ path: join(SHOTS, 'forms-industry-cards.png') })
    await page.keyboard.press('Escape')
  })

  it('Escape closes only the top layer: the confirm over the drawer, then the drawer', async () => {
    await library('公司')
    await page.getByTestId('companies-table').getByText('上海青禾文化传媒有限公司').click()
    const drawer = page.locator('.mantine-Drawer-content')
    const card = drawer.locator('.mantine-Card-root').first()
    await expect.poll(() => card.isVisible()).toBe(true)
    await card.getByRole('button', { name: '移到回收站' }).click()
    const confirm = page.getByRole('dialog', { name: /移到回收站？/ })
    await expect.poll(() => confirm.isVisible()).toBe(true)
    await page.screenshot({ path: join(SHOTS, 'forms-escape-confirm.png') })
    await page.keyboard.press('Escape')
    await expect.poll(() => confirm.count()).toBe(0)
    expect(await drawer.isVisible()).toBe(true)
    expect(await card.isVisible()).toBe(true)
    await page.keyboard.press('Escape')
    await expect.poll(() => drawer.count()).toBe(0)
  })

  it('the dropzone lists exactly the formats the refusal names', async () => {
    await library('公司')
    await page.getByTestId('companies-table').getByText('上海青禾文化传媒有限公司').click()
    const text = join(temp.dir, 'notes.txt')
    writeFileSync(text, 'not a scan at all, just some words\n'.repeat(20))
    await page.locator('[data-testid="dropzone"] input[type="file"]').setInputFiles([text])
    const outcome = page.getByTestId('import-outcome').first()
    await expect.poll(() => outcome.textContent()).toMatch(/只能导入 (.+)。/)
    const listed = /只能导入 (.+)。/.exec((await outcome.textContent()) ?? '')?.[1] ?? '-'
    expect(await page.getByTestId('dropzone').textContent()).toContain(`（${listed}）`)
    await page.screenshot({ path: join(SHOTS, 'forms-dropzone-formats.png') })
    await page.keyboard.press('Escape')
  })

  it('the letter dialog shows 已签字 once the signed scan is imported in it', async () => {
    await openPacket('禾木生活')
    await page.getByRole('button', { name: '下一步' }).click()
    await page.getByRole('button', { name: '检查' }).click()
    await expect.poll(() => page.getByTestId('plan-row').count()).toBeGreaterThan(0)
    const letterRow = page.getByTestId('plan-row').filter({ hasText: '授权书（张伟' })
    await letterRow.getByRole('button', { name: '生成 / 导入' }).click()
    await dialog().getByRole('button', { name: '生成授权书' }).click()
    await expect.poll(() => dialog().getByText('已生成', { exact: true }).isVisible()).toBe(true)
    const scan = await jpeg('signed-letter.jpg', 1240, 1754, '#f4f1ea')
    await dialog().locator('[data-testid="dropzone"] input[type="file"]').setInputFiles([scan])
    await expect.poll(() => dialog().getByTestId('import-outcome').count()).toBe(1)
    expect(await dialog().getByTestId('import-outcome').textContent()).toContain('已导入')
    await expect
      .poll(() => dialog().getByText('已签字（扫描件已导入）', { exact: true }).isVisible())
      .toBe(true)
    await page.screenshot({ path: join(SHOTS, 'forms-letter-signed.png') })
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: '返回列表' }).click()
  })

  it('the avatar: no 有效期至, and a preview that is the exported file, padded or cropped', async () => {
    const h = handlers()
    const packet = (await h['packets.list']({})).find((p) => p.accountName === '禾木生活')
    if (!packet) throw new Error('demo packet missing')
    // A wide logo: padding and cropping differ.
    const wide = await jpeg('wide-logo.jpg', 1200, 400)
    await h['documents.import']({
      ownerKind: 'packet',
      ownerId: packet.id,
      requirement: 'avatar',
      fileName: 'wide-logo.jpg',
      dataBase64: readFileSync(wide).toString('base64'),
    })
    await openPacket('禾木生活')
    await page.getByRole('button', { name: '下一步' }).click()
    const preview = page.getByTestId('avatar-preview')
    await expect.poll(() => preview.isVisible()).toBe(true)
    const shown = async () => {
      const src = (await preview.getAttribute('src')) ?? ''
      return Buffer.from(src.replace(/^data:image\/jpeg;base64,/, ''), 'base64')
    }
    const padded = await shown()
    expect(await sharp(padded).metadata()).toMatchObject({ width: 800, height: 800 })
    // Padded: white above the logo; cropped: the logo's colour to the top.
    const topLeft = async (bytes: Buffer) =>
      (await sharp(bytes).extract({ left: 400, top: 10, width: 1, height: 1 }).raw().toBuffer())[0]
    expect(await topLeft(padded)).toBeGreaterThan(240)
    await page.screenshot({ path: join(SHOTS, 'forms-avatar-pad.png') })
    await page.getByTestId('avatar-fit').getByText('居中裁切').click()
    await expect.poll(async () => (await shown()).equals(padded)).toBe(false)
    const cropped = await shown()
    expect(await topLeft(cropped)).toBeLessThan(120)
    await page.screenshot({ path: join(SHOTS, 'forms-avatar-crop.png') })

    // Exactly the export's file (the choice was autosaved with the packet).
    await expect
      .poll(async () => (await h['packets.list']({})).find((p) => p.id === packet.id)?.avatarFit)
      .toBe('crop')
    const out = join(temp.dir, 'export')
    const { folder } = await h['exports.run']({ packetId: packet.id, outDir: out, draft: true })
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name)
        return statSync(path).isDirectory() ? files(path) : [path]
      })
    const avatar = files(folder).find((f) => /头像/.test(f) && f.endsWith('.jpg'))
    expect(avatar).toBeDefined()
    expect(readFileSync(avatar ?? '').equals(cropped)).toBe(true)

    // The avatar's card in the check step has no 有效期至.
    await page.getByRole('button', { name: '检查' }).click()
    const avatarRow = page.getByTestId('plan-row').filter({ hasText: '账号头像' })
    await avatarRow.getByRole('button').first().click()
    await expect.poll(() => dialog().getByTestId('thumbnail').count()).toBe(1)
    expect(await dialog().getByText('有效期至').count()).toBe(0)
    expect(await dialog().getByTestId('document-file-name').textContent()).toBe('wide-logo.jpg')
    await page.screenshot({ path: join(SHOTS, 'forms-avatar-card.png') })
    await page.keyboard.press('Escape')
    await page.getByRole('button', { name: '返回列表' }).click()
  })

  it('English: the new form texts have no Chinese', async () => {
    await handlers()['settings.setLanguage']({ language: 'en' })
    await page.reload()
    await openPacketEn('青禾文化')
    await page.getByRole('button', { name: 'Next' }).click()
    await expect.poll(() => page.getByTestId('avatar-preview').isVisible()).toBe(true)
    expect(await page.getByTestId('avatar-fit').textContent()).not.toMatch(CJK)
    await page.screenshot({ path: join(SHOTS, 'forms-english-avatar.png') })
    await page.getByRole('button', { name: 'Back to list' }).click()
    await page.getByRole('navigation').getByText('Library').click()
    await page.getByRole('tab', { name: 'Trademarks' }).click()
    await page.getByTestId('trademarks-table').getByText('山岚', { exact: true }).click()
    await page.getByRole('button', { name: 'Edit' }).click()
    await dialog().getByLabel('Valid until', { exact: true }).fill('2019-05-01')
    await dialog().getByRole('button', { name: 'Save' }).click()
    const warning = dialog().getByTestId('trademark-expired-warning')
    await expect.poll(() => warning.isVisible()).toBe(true)
    expect(await warning.textContent()).not.toMatch(CJK)
    expect(await page.getByTestId('dropzone').count()).toBeGreaterThan(0)
    expect(await page.getByTestId('dropzone').first().textContent()).not.toMatch(CJK)
    await page.screenshot({ path: join(SHOTS, 'forms-english-expired.png') })
    await dialog().getByRole('button', { name: 'Cancel' }).click()
    await handlers()['settings.setLanguage']({ language: 'zh-CN' })
    expect(problems).toEqual([])
  })
})

async function openPacketEn(accountName: string) {
  await page.getByRole('navigation').getByText('Packets').click()
  await page.getByTestId('packets-table').getByText(accountName, { exact: true }).click()
  await expect.poll(() => page.getByRole('button', { name: 'Next' }).isVisible()).toBe(true)
}
