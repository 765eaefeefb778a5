import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBackend } from '../../../electron/services/backend'
import { searchTeam } from '../../../electron/services/team/search'
import { runCliProcess } from '../../helpers/cli'
import { demoBackend } from '../../helpers/backend'
import { freshDatabase, uniqueClerk, urlFor, withClient } from '../../helpers/team'
import { tempDir } from '../../helpers/temp'

/**
 * Moving a library in and out of the team database, through the real CLI: push (twice: the
 * second adds nothing), pull into a new folder, and the same packets and the same file bytes
 * come back; doctor finds the pulled library sound.
 */
const temp = tempDir('packetdesk-team-')
afterAll(() => temp.cleanup())
let demo: Awaited<ReturnType<typeof demoBackend>>
let url = ''

beforeAll(async () => {
  demo = await demoBackend()
  url = await freshDatabase('roundtrip')
  const init = runCliProcess(['team', 'init', '--database-url', url])
  expect(init.status, init.stderr).toBe(0)
}, 60_000)
afterAll(() => demo.cleanup())

interface PushReport {
  indexed: number
  tables: Record<string, { added: number; present: number }>
  blobs: { added: number; present: number }
  audit: { added: number; present: number }
}

const sum = (report: PushReport, key: 'added' | 'present') =>
  Object.values(report.tables).reduce((n, t) => n + t[key], 0)

describe('team push and pull', () => {
  it('round trip: push twice (nothing duplicated), pull: the same packets and file bytes', async () => {
    const first = runCliProcess(['team', 'push', '--data-dir', demo.dir, '--database-url', url])
    expect(first.status, first.stderr).toBe(0)
    const pushed = JSON.parse(first.stdout) as PushReport
    const localFiles = demo.backend.db.prepare('SELECT sha256 FROM files').pluck().all() as string[]
    expect(pushed.blobs).toEqual({ added: localFiles.length, present: 0 })
    expect(pushed.tables.packets?.added).toBe(
      (await demo.backend.handlers['packets.list']({})).length,
    )
    expect(sum(pushed, 'present')).toBe(0)
    expect(pushed.audit.added).toBeGreaterThan(0)
    // The team's search index covers what was pushed.
    expect(pushed.indexed).toBeGreaterThan(0)
    await withClient(url, async (client) => {
      const hits = await searchTeam(client, '青禾')
      expect(hits.map((h) => h.title)).toContain('上海青禾文化传媒有限公司')
    })

    // Through the environment variable this time; idempotent.
    const second = runCliProcess(['team', 'push', '--data-dir', demo.dir], {
      PACKETDESK_DATABASE_URL: url,
    })
    expect(second.status, second.stderr).toBe(0)
    const again = JSON.parse(second.stdout) as PushReport
    expect(sum(again, 'added')).toBe(0)
    expect(again.blobs.added).toBe(0)
    expect(again.audit.added).toBe(0)
    expect(again.indexed).toBe(0)
    await withClient(url, async (client) => {
      const n = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log')
      expect(n.rows[0]?.n).toBe(pushed.audit.added)
    })

    const target = join(temp.dir, 'pulled')
    const pulled = runCliProcess(['team', 'pull', '--database-url', url, '--data-dir', target])
    expect(pulled.status, pulled.stderr).toBe(0)
    expect(JSON.parse(pulled.stdout)).toMatchObject({ dataDir: target, blobs: localFiles.length })

    const packets = (dir: string) => {
      const r = runCliProcess(['packets', '--data-dir', dir])
      expect(r.status, r.stderr).toBe(0)
      return JSON.parse(r.stdout) as unknown[]
    }
    expect(packets(target)).toEqual(packets(demo.dir))
    const copy = createBackend({ dataDir: target, access: 'read' })
    try {
      for (const sha of localFiles) {
        expect(
          readFileSync(copy.store.path(sha)).equals(readFileSync(demo.backend.store.path(sha))),
        ).toBe(true)
      }
      // Search works in the pulled library (its index is rebuilt, not copied).
      const hits = await copy.handlers['library.search']({ query: '青禾' })
      expect(hits.length).toBeGreaterThan(0)
    } finally {
      copy.close()
    }
    const doctor = runCliProcess(['doctor', '--data-dir', target])
    expect(doctor.status, doctor.stdout).toBe(0)

    // Pushing the pulled library back adds nothing: not a row, not an audit entry.
    const back = runCliProcess(['team', 'push', '--data-dir', target, '--database-url', url])
    expect(back.status, back.stderr).toBe(0)
    const backReport = JSON.parse(back.stdout) as PushReport
    expect(sum(backReport, 'added')).toBe(0)
    expect(backReport.audit).toEqual({ added: 0, present: pushed.audit.added })

    // A folder that already holds a library is never overwritten.
    const refused = runCliProcess(['team', 'pull', '--database-url', url, '--data-dir', target])
    expect(refused.status).toBe(1)
    expect(refused.stderr).toMatch(/已有资料库，不会覆盖/)
  }, 120_000)

  it('a clerk pushes with their own login; a clerk cannot init', async () => {
    const teamUrl = await freshDatabase('clerkpush')
    expect(runCliProcess(['team', 'init', '--database-url', teamUrl]).status).toBe(0)
    const name = uniqueClerk()
    const added = runCliProcess(['team', 'add-clerk', name, '--database-url', teamUrl])
    expect(added.status, added.stderr).toBe(0)
    const { password } = JSON.parse(added.stdout) as { password: string }
    const asClerk = urlFor({ database: new URL(teamUrl).pathname.slice(1), user: name, password })
    const refused = runCliProcess(['team', 'init', '--database-url', asClerk])
    expect(refused.status).toBe(1)
    expect(refused.stderr).toMatch(/需要数据库管理员账号/)
    expect(refused.stderr).not.toContain(password)
    const pushed = runCliProcess([
      'team',
      'push',
      '--data-dir',
      demo.dir,
      '--database-url',
      asClerk,
    ])
    expect(pushed.status, pushed.stderr).toBe(0)
    await withClient(teamUrl, async (client) => {
      const actors = await client.query<{ actor: string }>('SELECT DISTINCT actor FROM audit_log')
      expect(actors.rows).toEqual([{ actor: name }])
      const stamped = await client.query<{ updated_by: string }>(
        'SELECT DISTINCT updated_by FROM companies',
      )
      expect(stamped.rows).toEqual([{ updated_by: name }])
    })
  }, 120_000)

  it('a server that is away, an uninitialised database and a wrong password are refused clearly', async () => {
    const away = runCliProcess([
      'team',
      'push',
      '--data-dir',
      demo.dir,
      '--database-url',
      'postgres://clerk:secret-pw@127.0.0.1:1/packetdesk',
    ])
    expect(away.status).toBe(1)
    expect(away.stderr).toMatch(/无法连接团队资料库.*服务器没有响应/)
    expect(away.stderr).not.toContain('secret-pw')
    const empty = await freshDatabase('empty')
    const notInit = runCliProcess(['team', 'push', '--data-dir', demo.dir, '--database-url', empty])
    expect(notInit.status).toBe(1)
    expect(notInit.stderr).toMatch(/还没有初始化：请先运行 team init/)
    const bad = runCliProcess(['team', 'init', '--database-url', 'mysql://x@y/z'])
    expect(bad.status).toBe(2)
  }, 60_000)
})
