import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/errors'
import { openBackend, type Backend } from '../../../electron/services/backend'
import { teamInit } from '../../../electron/services/team/init'
import { startPostgresCluster } from '../../setup/postgres-cluster'
import { tempDir } from '../../helpers/temp'

/**
 * When the team library's server is away (issue 11 item 7): a call is refused at once with a
 * clear Chinese message and changes nothing (not a crash, not a hang), the status says offline
 * with the reason, the link retries with back-off, and once the server is back everything works
 * again and open windows are told to refetch. A server of its own, to take away.
 */
const temp = tempDir('packetdesk-offline-')
let cluster: Awaited<ReturnType<typeof startPostgresCluster>>
let backend: Backend

beforeAll(async () => {
  cluster = await startPostgresCluster()
  const url = new URL(cluster.url)
  url.pathname = '/postgres'
  await teamInit(url.toString())
  backend = await openBackend({ dataDir: join(temp.dir, 'clerk'), databaseUrl: url.toString() })
}, 120_000)
afterAll(async () => {
  backend.close()
  await backend.context.library.close()
  cluster.stop()
  temp.cleanup()
})

async function until<T>(probe: () => Promise<T>, ok: (value: T) => boolean, ms = 40_000) {
  const deadline = Date.now() + ms
  let value = await probe()
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200))
    value = await probe()
  }
  return value
}

describe('the team library while its server is away', () => {
  it('refuses calls clearly and quickly, shows offline, and recovers by itself', async () => {
    const h = backend.handlers
    expect(
      await until(
        () => h['team.status']({}),
        (s) => s.state === 'online',
      ),
    ).toMatchObject({
      mode: 'team',
      state: 'online',
      user: 'postgres',
    })
    const saved = await h['companies.save']({ name: '断网前的公司', region: 'domestic' })
    // Two scans shown while online: a company's paper, and a person's ID copy.
    const scan = async (shade: number) =>
      (
        await sharp({
          create: { width: 300, height: 200, channels: 3, background: { r: shade, g: 90, b: 40 } },
        })
          .jpeg()
          .toBuffer()
      ).toString('base64')
    const paper = await h['documents.import']({
      ownerKind: 'company',
      ownerId: saved.id,
      requirement: 'industry_qualification',
      fileName: '许可证.jpg',
      dataBase64: await scan(200),
    })
    const person = await h['persons.save']({ name: '张伟' })
    const idCopy = await h['documents.import']({
      ownerKind: 'person',
      ownerId: person.id,
      requirement: 'registrant_id_copy',
      fileName: '身份证.jpg',
      dataBase64: await scan(60),
    })
    for (const doc of [paper, idCopy]) {
      await h['files.view']({ sha256: doc.file?.sha256 ?? '', page: 1 })
    }
    let heard = 0
    const unsubscribe = backend.events.subscribe((event) => {
      if (event.origin === 'team') heard++
    })

    cluster.pause()
    const started = Date.now()
    const refused = await h['companies.save']({ name: '断网时的公司', region: 'domestic' }).then(
      () => null,
      (error: unknown) => error,
    )
    // A generous margin: the pool gives up connecting after 5 s.
    expect(Date.now() - started).toBeLessThan(15_000)
    expect(refused).toBeInstanceOf(AppError)
    expect(refused).toMatchObject({ code: 'UNAVAILABLE' })
    expect((refused as AppError).message).toMatch(/暂时连接不上团队资料库.*没有完成/)
    expect((refused as AppError).message).not.toContain(new URL(cluster.url).password)
    const offline = await h['team.status']({})
    expect(offline).toMatchObject({ state: 'offline' })
    expect(offline.message).toBeTruthy()
    expect(offline.retryAt).not.toBeNull()

    // The cache still opens what was shown before, read-only; an ID scan only when the reveal
    // can be audited again, and its thumbnail stays blurred.
    const viewed = await h['files.view']({ sha256: paper.file?.sha256 ?? '', page: 1 })
    expect(viewed.dataUrl).toMatch(/^data:image\/jpeg;base64,/)
    await expect(
      h['files.view']({ sha256: idCopy.file?.sha256 ?? '', page: 1 }),
    ).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringMatching(/审计/) as string,
    })
    expect((await h['files.thumbnail']({ sha256: idCopy.file?.sha256 ?? '' })).obscured).toBe(true)

    cluster.resume()
    const back = await until(
      () => h['team.status']({}),
      (s) => s.state === 'online',
    )
    expect(back.state).toBe('online')
    // Back: windows are told to refetch (what others did meanwhile was missed).
    expect(heard).toBeGreaterThan(0)
    unsubscribe()
    const names = (await h['companies.list']({})).map((c) => c.name)
    expect(names).toEqual([saved.name])
    // Back online, viewing the ID scan is possible again, and audited.
    await h['files.view']({ sha256: idCopy.file?.sha256 ?? '', page: 1 })
    await h['companies.save']({ name: '恢复后的公司', region: 'domestic' })
    expect((await h['companies.list']({})).map((c) => c.name)).toContain('恢复后的公司')
  }, 120_000)
})
