import { existsSync } from 'node:fs'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../../electron/services/dispatch'
import { teamInit } from '../../../electron/services/team/init'
import { connectTeam } from '../../../electron/services/team/connect'
import { addClerk } from '../../../electron/services/team/roles'
import type { TeamLogin } from '../../../electron/services/team/secrets'
import { createBackend } from '../../../electron/services/backend'
import { testBackend } from '../../helpers/backend'
import { tempDir } from '../../helpers/temp'
import { freshDatabase, uniqueClerk, urlFor } from '../../helpers/team'

/**
 * 设置 → 团队资料库 (issue 11 item 6): the running app switches from its own library to the
 * team's and back, the address and the password apart; a wrong login changes nothing; the
 * door keeps the login where it can (Electron: safeStorage), the backend never logs it.
 */
let address = ''
let password = ''
let clerk = ''
const local = testBackend()
afterAll(() => local.cleanup())

beforeAll(async () => {
  const url = await freshDatabase('connect')
  await teamInit(url)
  const client = await connectTeam(url)
  try {
    ;({ name: clerk, password } = await addClerk(client, uniqueClerk()))
  } finally {
    await client.end()
  }
  address = urlFor({ database: new URL(url).pathname.slice(1), user: clerk, password: '' })
}, 60_000)

describe('connecting the running app to a team library', () => {
  it('switches to the team library and back; a wrong login or a password in the address changes nothing', async () => {
    const h = local.backend.handlers
    await h['companies.save']({ name: '本机的公司', region: 'domestic' })
    expect(await h['team.status']({})).toMatchObject({ mode: 'local' })

    const wrong = await dispatch(h, 'team.connect', { url: address, password: 'not-it' })
    expect(wrong).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/用户名或密码不对/) as string },
    })
    expect(JSON.stringify(wrong)).not.toContain('not-it')
    const inline = await dispatch(h, 'team.connect', {
      url: address.replace(`${clerk}@`, `${clerk}:${password}@`),
      password,
    })
    expect(inline).toMatchObject({ ok: false, error: { field: 'url' } })
    expect((await h['companies.list']({})).map((c) => c.name)).toEqual(['本机的公司'])

    const connected = await h['team.connect']({ url: address, password })
    expect(connected).toMatchObject({ mode: 'team', user: clerk })
    expect(JSON.stringify(connected)).not.toContain(password)
    expect(await h['companies.list']({})).toEqual([])
    const teamCompany = await h['companies.save']({ name: '团队的公司', region: 'domestic' })
    const scan = await sharp({
      create: { width: 200, height: 120, channels: 3, background: { r: 200, g: 80, b: 40 } },
    })
      .jpeg()
      .toBuffer()
    await h['documents.import']({
      ownerKind: 'company',
      ownerId: teamCompany.id,
      requirement: 'industry_qualification',
      fileName: '许可证.jpg',
      dataBase64: scan.toString('base64'),
    })

    expect(existsSync(join(local.dir, 'team-cache'))).toBe(true)
    const back = await h['team.disconnect']({})
    expect(back).toMatchObject({ mode: 'local' })
    // The team's cached files (ID scans among them) are gone from this computer.
    expect(existsSync(join(local.dir, 'team-cache'))).toBe(false)
    expect((await h['companies.list']({})).map((c) => c.name)).toEqual(['本机的公司'])
    // The team's company is on the server, not in this computer's library.
    await h['team.connect']({ url: address, password })
    expect((await h['companies.list']({})).map((c) => c.name)).toEqual(['团队的公司'])
    await h['team.disconnect']({})
  }, 60_000)

  it('hands the login to the door to keep, and asks it to forget it on disconnect', async () => {
    let kept: TeamLogin | null = null
    const temp = tempDir()
    const backend = createBackend({
      dataDir: temp.dir,
      teamSecrets: {
        load: () => Promise.resolve(kept),
        save: (login) => Promise.resolve(Boolean((kept = login))),
        clear: () => Promise.resolve(void (kept = null)),
      },
    })
    try {
      const status = await backend.handlers['team.connect']({ url: address, password })
      expect(status.remembered).toBe(true)
      expect(kept).toEqual({ url: address, password })
      await backend.handlers['team.disconnect']({})
      expect(kept).toBeNull()
    } finally {
      backend.close()
      temp.cleanup()
    }
  }, 60_000)
})
