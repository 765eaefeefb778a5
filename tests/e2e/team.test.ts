import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectTeam } from '../../electron/services/team/connect'
import { teamInit } from '../../electron/services/team/init'
import { addClerk } from '../../electron/services/team/roles'
import { openApp, SHOTS, type AppSession } from '../helpers/app-session'
import { startPostgresCluster } from '../setup/postgres-cluster'

/**
 * 设置 → 团队资料库 in the real renderer (issue 11 items 6–7): connect with the address and a
 * password apart, work on the team library, see a calm banner while its server is away and
 * see it go when the server is back, disconnect to this computer's library.
 */
let session: AppSession
let cluster: Awaited<ReturnType<typeof startPostgresCluster>>
let address = ''
let password = ''

beforeAll(async () => {
  cluster = await startPostgresCluster()
  await teamInit(cluster.url)
  const client = await connectTeam(cluster.url)
  try {
    ;({ password } = await addClerk(client, 'wang_li'))
  } finally {
    await client.end()
  }
  const url = new URL(cluster.url)
  url.username = 'wang_li'
  url.password = ''
  address = url.toString()
  session = await openApp()
}, 120_000)
afterAll(async () => {
  await session?.close()
  cluster?.stop()
})

describe('the team library in the app', () => {
  it('connects, shows the server away in a banner, recovers, and disconnects', async () => {
    const { page, running, problems } = session
    await running.backend.handlers['companies.save']({ name: '本机的公司', region: 'domestic' })
    await page.getByRole('navigation').getByText('设置').click()
    const panel = page.getByTestId('team-panel')
    await panel.getByLabel('团队资料库地址（不含密码）').fill(address)
    await panel.getByLabel('密码', { exact: true }).fill(password)
    await panel.getByRole('button', { name: '连接' }).click()
    await expect.poll(() => panel.getByText('已连接').isVisible()).toBe(true)
    expect(await page.getByTestId('team-url').textContent()).toContain('wang_li')
    expect(await page.content()).not.toContain(password)
    await page.getByTestId('team').screenshot({ path: join(SHOTS, 'team-connected.png') })

    // The library now is the team's: this computer's company is not in it.
    await running.backend.handlers['companies.save']({ name: '团队的公司', region: 'domestic' })
    await page.getByRole('navigation').getByText('资料库').click()
    await expect.poll(() => page.getByText('团队的公司').isVisible()).toBe(true)
    expect(await page.getByText('本机的公司').count()).toBe(0)

    cluster.pause()
    await expect
      .poll(() => page.getByTestId('team-offline').isVisible(), { timeout: 30_000 })
      .toBe(true)
    expect(await page.getByTestId('team-offline').textContent()).toContain('团队资料库暂时连接不上')
    await page.screenshot({ path: join(SHOTS, 'team-offline.png') })
    cluster.resume()
    await expect
      .poll(() => page.getByTestId('team-offline').isVisible(), { timeout: 60_000 })
      .toBe(false)

    await page.getByRole('navigation').getByText('设置').click()
    await page.getByRole('button', { name: '断开，回到本机资料库' }).click()
    await expect.poll(() => panel.getByText('本机资料库', { exact: true }).isVisible()).toBe(true)
    await page.getByRole('navigation').getByText('资料库').click()
    await expect.poll(() => page.getByText('本机的公司').isVisible()).toBe(true)
    expect(problems.filter((p) => !/503|Failed to load resource/.test(p))).toEqual([])
  }, 180_000)
})
