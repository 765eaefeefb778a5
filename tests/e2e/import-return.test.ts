import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, SHOTS, type AppSession } from '../helpers/app-session'

// Issue 13 item 6: importing is honest about duplicates and about a batch the clerk left.
let session: AppSession
beforeAll(async () => {
  session = await openApp({ demo: true })
})
afterAll(async () => {
  await session?.close()
})

const dropzone = '[data-testid="dropzone"] input[type="file"]'

async function openCompany(name: string, page = session.page) {
  await page.getByRole('navigation').getByText('资料库').click()
  await page.getByRole('tab', { name: '公司' }).click()
  await page.getByTestId('companies-table').getByText(name, { exact: true }).click()
}

async function companyDocs(name: string) {
  const h = session.running.backend.handlers
  const company = (await h['companies.list']({})).find((c) => c.name === name)
  return h['documents.list']({ ownerKind: 'company', ownerId: company?.id ?? '' })
}

describe('import, again and interrupted', () => {
  it('the same file dropped again onto the same record says so and adds no card', async () => {
    const { page, temp, problems } = session
    const file = join(temp.dir, '资质证明.jpg')
    const again = join(temp.dir, '资质证明（副本）.jpg')
    const bytes = await sharp({
      create: { width: 900, height: 1200, channels: 3, background: '#d9c7a0' },
    })
      .jpeg()
      .toBuffer()
    writeFileSync(file, bytes)
    writeFileSync(again, bytes)
    const before = (await companyDocs('杭州山岚品牌管理有限公司')).length
    await openCompany('杭州山岚品牌管理有限公司')
    await page.locator(dropzone).setInputFiles([file])
    await expect.poll(() => page.getByTestId('import-outcome').textContent()).toContain('已导入')
    // The same bytes under another name (a copy the clerk made).
    await page.locator(dropzone).setInputFiles([again])
    await expect
      .poll(() => page.getByTestId('import-outcome').textContent())
      .toContain('已经导入在这条记录上')
    expect((await companyDocs('杭州山岚品牌管理有限公司')).length).toBe(before + 1)
    await page
      .getByTestId('import-outcome')
      .screenshot({ path: join(SHOTS, 'import-duplicate.png') })
    await page.keyboard.press('Escape')
    expect(problems).toEqual([])
  })

  it('a batch left by closing the tab is named when the clerk comes back', async () => {
    const { browser, temp, running } = session
    // A context of its own: closing its tab and opening another keeps the window's storage.
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } })
    const page = await context.newPage()
    await page.goto(running.host.url)
    // Large noisy scans: each takes a while to decode, so the tab closes mid-batch.
    const names = ['一.png', '二.png', '三.png', '四.png', '五.png', '六.png']
    const files = []
    for (const [i, name] of names.entries()) {
      const path = join(temp.dir, name)
      const noise = Buffer.alloc(2400 * 2400 * 3)
      for (let j = 0; j < noise.length; j += 1) noise[j] = (j * 2654435761 + i * 97) % 251
      writeFileSync(
        path,
        await sharp(noise, { raw: { width: 2400, height: 2400, channels: 3 } })
          .png()
          .toBuffer(),
      )
      files.push(path)
    }
    await openCompany('苏州远帆贸易有限公司', page)
    await page.locator(dropzone).setInputFiles(files)
    await expect.poll(() => page.getByTestId('import-outcome').count()).toBeGreaterThan(0)
    await page.close({ runBeforeUnload: true })
    const imported = (await companyDocs('苏州远帆贸易有限公司')).map((d) => d.file?.originalName)
    expect(imported.length).toBeLessThan(names.length)

    // The clerk comes back (a new tab of the same browser, the same run).
    const back = await context.newPage()
    await back.goto(running.host.url)
    const notice = back.getByTestId('interrupted-import')
    await expect.poll(() => notice.isVisible()).toBe(true)
    // Settled: whatever arrived as the tab closed is not listed.
    const arrived = (await companyDocs('苏州远帆贸易有限公司')).map((d) => d.file?.originalName)
    const text = (await notice.textContent()) ?? ''
    for (const name of names) expect(text.includes(name)).toBe(!arrived.includes(name))
    expect(text).toContain('公司记录')
    await back.screenshot({ path: join(SHOTS, 'import-interrupted.png') })
    await notice.getByRole('button', { name: '知道了' }).click()
    await back.reload()
    await back.getByRole('navigation').waitFor()
    expect(await back.getByTestId('interrupted-import').count()).toBe(0)
    await context.close()
  })

  it('with two avatars, the one the export uses is marked and another can be chosen', async () => {
    const { page, temp, running, problems } = session
    const h = running.backend.handlers
    const packet = (await h['packets.list']({})).find((p) => p.accountName === '青禾文化')
    const second = join(temp.dir, '新头像.png')
    writeFileSync(
      second,
      await sharp({ create: { width: 800, height: 800, channels: 3, background: '#2050c0' } })
        .png()
        .toBuffer(),
    )
    await page.getByRole('navigation').getByText('资质包').click()
    await page.getByTestId('packet-name').getByText('青禾文化', { exact: true }).click()
    await page.getByRole('button', { name: '检查' }).click()
    const avatarRow = page.getByTestId('plan-row').filter({ hasText: '账号头像' })
    await avatarRow.getByRole('button').first().click()
    const dialog = page.getByRole('dialog')
    await expect.poll(() => dialog.getByTestId('thumbnail').count()).toBe(1)
    // One avatar: nothing to choose.
    expect(await dialog.getByTestId('avatar-in-use').count()).toBe(0)
    await dialog.locator(dropzone).setInputFiles([second])
    await expect.poll(() => dialog.getByTestId('thumbnail').count()).toBe(2)
    // The newest is the one used, marked on its card; the other offers to be used instead.
    const cards = dialog.locator('.mantine-Card-root')
    const cardOf = (name: string) => cards.filter({ hasText: name })
    await expect
      .poll(() => cardOf('新头像.png').getByTestId('avatar-in-use').isVisible())
      .toBe(true)
    await cardOf('青禾-logo.jpg').getByTestId('avatar-choose').click()
    await expect
      .poll(() => cardOf('青禾-logo.jpg').getByTestId('avatar-in-use').isVisible())
      .toBe(true)
    expect(await cardOf('新头像.png').getByTestId('avatar-choose').isVisible()).toBe(true)
    await page.screenshot({ path: join(SHOTS, 'avatar-choice.png') })
    const docs = await h['documents.list']({ ownerKind: 'packet', ownerId: packet?.id ?? '' })
    expect(docs.find((d) => d.file?.originalName === '青禾-logo.jpg')?.preferredAt).not.toBeNull()
    await page.keyboard.press('Escape')
    expect(problems).toEqual([])
  })
})
