import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApp, SHOTS, type AppSession } from '../helpers/app-session'

let session: AppSession
beforeAll(async () => {
  session = await openApp({ demo: true })
})
afterAll(async () => {
  await session?.close()
})

describe('recycle bin and backup in the app', () => {
  it("an ID scan's thumbnail is blurred; opening it is audited as a reveal", async () => {
    const { page, running, problems } = session
    const reveals = () =>
      running.backend.db
        .prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'reveal_id_number'")
        .get() as { n: number }
    const before = reveals().n
    await page.getByRole('navigation').getByText('资料库').click()
    await page.getByRole('tab', { name: '自然人' }).click()
    await page.getByTestId('persons-table').getByText('张伟').click()
    await expect.poll(() => page.getByTestId('thumbnail-obscured').isVisible()).toBe(true)
    await page.getByRole('dialog').screenshot({ path: join(SHOTS, 'id-scan-obscured.png') })
    // Listing it showed the blurred thumbnail only: nothing audited yet.
    expect(reveals().n).toBe(before)
    await page.getByTestId('thumbnail').first().click()
    await expect.poll(() => reveals().n).toBe(before + 1)
    await page.keyboard.press('Escape')
    await page.keyboard.press('Escape')
    expect(problems).toEqual([])
  })

  it('彻底删除 erases an ID scan for good after a confirmation', async () => {
    const { page, running, problems } = session
    const h = running.backend.handlers
    const person = (await h['persons.list']({})).find((p) => p.name === '张伟')
    const docs = await h['documents.list']({ ownerKind: 'person', ownerId: person?.id ?? '' })
    const scan = docs[0]
    expect(scan?.file).not.toBeNull()
    await h['library.delete']({ kind: 'document', id: scan?.id ?? '' })
    const stored = running.backend.store.path(scan?.file?.sha256 ?? '')
    expect(existsSync(stored)).toBe(true)

    await page.getByRole('navigation').getByText('资料库').click()
    await page.getByRole('tab', { name: '回收站' }).click()
    const rows = page.getByTestId('recycle-table').getByRole('row')
    await expect.poll(() => rows.count()).toBe(1)
    // Shown by what it is, not by its requirement id.
    expect(await rows.first().textContent()).toContain('注册人身份证/护照复印件')
    await page.getByRole('button', { name: '彻底删除' }).click()
    await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true)
    await page.screenshot({ path: join(SHOTS, 'recycle-purge-confirm.png') })
    await page.getByTestId('confirm-purge').click()
    await expect
      .poll(() => page.getByTestId('recycle-notice').textContent())
      .toContain('已彻底删除')
    expect(existsSync(stored)).toBe(false)
    expect(problems).toEqual([])
  })

  it('设置 → 备份 writes the archive into the folder the clerk names', async () => {
    const { page, temp, problems } = session
    const outDir = join(temp.dir, '备份')
    await page.getByRole('navigation').getByText('设置').click()
    await page.getByLabel('备份到文件夹').fill(outDir)
    await page.getByRole('button', { name: '备份', exact: true }).click()
    await expect
      .poll(() => page.getByTestId('backup-result').textContent(), { timeout: 60_000 })
      .toContain('已备份')
    expect(readdirSync(outDir).filter((n) => n.endsWith('.tar'))).toHaveLength(1)
    await page.getByTestId('backup').screenshot({ path: join(SHOTS, 'settings-backup.png') })
    expect(problems).toEqual([])
  })

  it('设置 → 恢复 verifies the archive, then replaces the library and keeps the old one aside', async () => {
    const { page, temp, running, problems } = session
    const outDir = join(temp.dir, '备份')
    const archive = join(outDir, readdirSync(outDir).find((n) => n.endsWith('.tar')) ?? '')
    // A change made after the backup: the restore takes it away.
    await running.backend.handlers['companies.save']({ name: '备份之后的公司', region: 'domestic' })
    await page.getByLabel('备份文件').fill(archive)
    await page.getByRole('button', { name: '恢复…' }).click()
    await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true)
    await page.getByRole('dialog').screenshot({ path: join(SHOTS, 'settings-restore-confirm.png') })
    await page.getByTestId('confirm-restore').click()
    await expect
      .poll(() => page.getByTestId('restore-result').textContent(), { timeout: 60_000 })
      .toContain('原资料库保留在')
    await page.getByTestId('restore').screenshot({ path: join(SHOTS, 'settings-restore.png') })
    const names = (await running.backend.handlers['companies.list']({})).map((c) => c.name)
    expect(names).not.toContain('备份之后的公司')
    await page.getByRole('button', { name: '重新载入资料库' }).click()
    await page.getByRole('navigation').getByText('资料库').click()
    await expect
      .poll(() => page.getByTestId('companies-table').textContent())
      .toContain('上海青禾文化传媒有限公司')
    expect(problems).toEqual([])
  })
})
