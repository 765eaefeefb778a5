import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, SHOTS, type AppSession } from '../helpers/app-session'

// Issue 13 item 2: removing what a packet relies on asks first and says what it breaks.
let session: AppSession
beforeAll(async () => {
  session = await openApp({ demo: true })
})
afterAll(async () => {
  await session?.close()
})

async function packetReady(name: string): Promise<boolean | undefined> {
  const list = await session.running.backend.handlers['packets.list']({})
  return list.find((p) => p.accountName === name)?.ready
}

describe('delete asks first', () => {
  it('移到回收站 on a certificate names the ready packet that stops being ready; 取消 keeps it', async () => {
    const { page, running, problems } = session
    const h = running.backend.handlers
    expect(await packetReady('青禾文化')).toBe(true)
    const mark = (await h['trademarks.list']({})).find((t) => t.text === '青禾')
    const docsOf = () => h['documents.list']({ ownerKind: 'trademark', ownerId: mark?.id ?? '' })
    const before = (await docsOf()).length

    await page.getByRole('navigation').getByText('资料库').click()
    await page.getByRole('tab', { name: '商标' }).click()
    await page.getByTestId('trademarks-table').getByText('青禾', { exact: true }).first().click()
    const drawer = page.getByRole('dialog')
    await drawer.getByRole('button', { name: '移到回收站' }).last().click()
    await expect.poll(() => page.getByTestId('delete-impact').isVisible()).toBe(true)
    expect(await page.getByTestId('delete-impact').textContent()).toContain('青禾文化')
    await page.screenshot({ path: join(SHOTS, 'delete-document-confirm.png') })

    // Cancel: nothing moved.
    await page.getByRole('button', { name: '取消' }).click()
    await expect.poll(() => page.getByTestId('delete-impact').isVisible()).toBe(false)
    expect((await docsOf()).length).toBe(before)
    expect(await packetReady('青禾文化')).toBe(true)

    // Confirm: the document goes to the recycle bin and the packet is no longer ready.
    await drawer.getByRole('button', { name: '移到回收站' }).last().click()
    await expect.poll(() => page.getByTestId('delete-impact').isVisible()).toBe(true)
    await page.getByTestId('confirm-delete-document').click()
    await expect.poll(async () => (await docsOf()).length).toBe(before - 1)
    expect(await packetReady('青禾文化')).toBe(false)
    // Escape closes the top layer only: let the confirmation finish closing first (under load it
    // was still there, took the Escape, and left the drawer open for the next test).
    await expect.poll(() => page.getByTestId('delete-impact').isVisible()).toBe(false)
    await page.keyboard.press('Escape')
    await expect.poll(() => drawer.isVisible()).toBe(false)
    expect(problems).toEqual([])
  })

  it('deleting a user-added industry asks first and names the packets that chose it', async () => {
    const { page, running, problems } = session
    const h = running.backend.handlers
    await h['industries.save']({
      primary: '商务服务',
      secondary: '测试设计',
      documents: [],
      scopeKeywords: ['设计'],
      confidence: 'user',
    })
    const packet = (await h['packets.list']({})).find((p) => p.accountName === '青禾文化')
    if (!packet) throw new Error('demo packet missing')
    await h['packets.save']({
      id: packet.id,
      version: packet.version,
      applicantCompanyId: packet.applicantCompanyId,
      accountType: packet.accountType,
      accountName: packet.accountName,
      promotedSubject: packet.promotedSubject,
      industries: [...packet.industries, { primary: '商务服务', secondary: '测试设计' }],
      trademarkIds: packet.trademarkIds,
      prerequisites: packet.prerequisites,
    })
    const inCatalog = async () =>
      (await h['industries.catalog']({})).industries.some((e) => e.secondary === '测试设计')

    await page.getByRole('navigation').getByText('设置').click()
    await page.getByPlaceholder('筛选行业').fill('测试设计')
    const row = page.getByTestId('industry-table').getByRole('row').filter({ hasText: '测试设计' })
    // A user-added entry is deleted, not "restored": the button says so.
    await expect.poll(() => row.getByRole('button', { name: '删除' }).isVisible()).toBe(true)
    expect(await row.getByRole('button', { name: '恢复原版' }).count()).toBe(0)
    await row.getByRole('button', { name: '删除' }).click()
    const dialog = page.getByRole('dialog')
    await expect
      .poll(() => dialog.getByText('删除行业“商务服务 / 测试设计”？').isVisible())
      .toBe(true)
    await expect.poll(() => dialog.getByText('青禾文化').isVisible()).toBe(true)
    await page.waitForTimeout(400) // the modal's fade-in, for the screenshot only
    await page.screenshot({ path: join(SHOTS, 'delete-industry-confirm.png') })
    await dialog.getByRole('button', { name: '取消' }).click()
    expect(await inCatalog()).toBe(true)

    await row.getByRole('button', { name: '删除' }).click()
    await dialog.getByRole('button', { name: '删除' }).click()
    await expect.poll(inCatalog).toBe(false)
    await expect.poll(() => row.count()).toBe(0)
    expect(problems).toEqual([])
  })
})
