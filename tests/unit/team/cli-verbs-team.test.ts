import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCliProcess } from '../../helpers/cli'
import { freshDatabase, uniqueClerk, urlFor, withClient } from '../../helpers/team'
import { tempDir } from '../../helpers/temp'

/**
 * Every existing verb accepts `--database-url URL` (or PACKETDESK_DATABASE_URL) in place of
 * `--data-dir` (issue 11 item 6): the real CLI, as a clerk's own PostgreSQL role, on a real
 * server — demo, packets, plan --packet, letter --packet, export, doctor.
 */
const temp = tempDir('packetdesk-team-cli-')
afterAll(() => temp.cleanup())
let clerkUrl = ''
let clerk = ''
// The local folder (settings, lock, the cache of the team's files) is not the library.
const env = () => ({ PACKETDESK_DATA_DIR: join(temp.dir, 'home') })

beforeAll(async () => {
  const url = await freshDatabase('cliteam')
  expect(runCliProcess(['team', 'init', '--database-url', url]).status).toBe(0)
  clerk = uniqueClerk()
  const added = runCliProcess(['team', 'add-clerk', clerk, '--database-url', url])
  expect(added.status, added.stderr).toBe(0)
  const { password } = JSON.parse(added.stdout) as { password: string }
  clerkUrl = urlFor({ database: new URL(url).pathname.slice(1), user: clerk, password })
}, 60_000)

describe('the CLI on a team library', () => {
  let readyId = ''
  let letterId = ''

  it('demo loads the demo library into the team database as the clerk (no password printed)', () => {
    const demo = runCliProcess(['demo', '--database-url', clerkUrl], env())
    expect(demo.status, demo.stderr).toBe(0)
    expect(demo.stdout).not.toContain(new URL(clerkUrl).password)
    expect((JSON.parse(demo.stdout) as { databaseUrl: string }).databaseUrl).toContain(clerk)
  }, 60_000)

  it('packets lists the team packets with their states; the variable works as the flag', () => {
    const flag = runCliProcess(['packets', '--database-url', clerkUrl], env())
    expect(flag.status, flag.stderr).toBe(0)
    const packets = JSON.parse(flag.stdout) as { id: string; accountName: string; ready: boolean }[]
    const ready = packets.find((p) => p.accountName === '青禾文化')
    expect(ready?.ready).toBe(true)
    readyId = ready?.id ?? ''
    // 禾木生活 needs one letter: 张伟's authorization (R11, his ID number in it).
    letterId = packets.find((p) => p.accountName === '禾木生活')?.id ?? ''
    const viaEnv = runCliProcess(['packets'], { ...env(), PACKETDESK_DATABASE_URL: clerkUrl })
    expect(viaEnv.status, viaEnv.stderr).toBe(0)
    expect(JSON.parse(viaEnv.stdout) as unknown[]).toEqual(packets)
  }, 60_000)

  it('plan --packet, letter --packet and export read the team library', () => {
    const plan = runCliProcess(['plan', '--packet', readyId, '--database-url', clerkUrl], env())
    expect(plan.status, plan.stderr).toBe(0)
    expect((JSON.parse(plan.stdout) as { ready: boolean }).ready).toBe(true)

    const letters = join(temp.dir, 'letters')
    const letter = runCliProcess(
      ['letter', '--packet', letterId, '--database-url', clerkUrl, '--out', letters],
      env(),
    )
    expect(letter.status, letter.stderr).toBe(0)
    expect(readdirSync(letters)).toEqual([
      expect.stringMatching(/^person-to-company_张伟_.+\.pdf$/),
    ])

    const out = join(temp.dir, 'out')
    const exported = runCliProcess(
      ['export', '--packet', readyId, '--database-url', clerkUrl, '--out', out],
      env(),
    )
    expect(exported.status, exported.stderr).toBe(0)
    expect(existsSync(exported.stdout.trim())).toBe(true)
    expect(readdirSync(exported.stdout.trim())).toContain('清单.pdf')
  }, 120_000)

  it('doctor checks the team library: exit 0 and ok; the audit log names the clerk', async () => {
    const doctor = runCliProcess(['doctor', '--database-url', clerkUrl], env())
    expect(doctor.status, doctor.stderr).toBe(0)
    const report = JSON.parse(doctor.stdout) as {
      ok: boolean
      filesMissing: number
      rows: Record<string, number>
    }
    expect(report).toMatchObject({ ok: true, filesMissing: 0, filesCorrupt: 0 })
    expect(report.rows.documents).toBeGreaterThanOrEqual(10)
    expect(report.rows.letters).toBe(1)
    const actors = await withClient(clerkUrl, async (client) =>
      (await client.query<{ actor: string }>('SELECT DISTINCT actor FROM audit_log')).rows.map(
        (r) => r.actor,
      ),
    )
    expect(actors).toEqual([clerk])
  }, 60_000)

  it('doctor on a server that is away: exit 1, the reason in Chinese, no password', () => {
    const away = new URL(clerkUrl)
    away.port = '1'
    const doctor = runCliProcess(['doctor', '--database-url', away.toString()], env())
    expect(doctor.status).toBe(1)
    expect(doctor.stderr).toMatch(/无法连接团队资料库/)
    expect(doctor.stdout + doctor.stderr).not.toContain(away.password)
    // Any verb: the server away is a refusal to read (exit 1), a bad address a usage one (2).
    const packets = runCliProcess(['packets', '--database-url', away.toString()], env())
    expect(packets.status).toBe(1)
    expect(packets.stderr).toMatch(/^无法连接团队资料库/)
    expect(packets.stderr).not.toContain(away.password)
    const malformed = runCliProcess(
      ['export', '--packet', 'x', '--out', temp.dir, '--database-url', 'notaurl'],
      env(),
    )
    expect(malformed.status).toBe(2)
    expect(malformed.stderr).toMatch(/数据库地址格式不对/)
    expect(malformed.stderr).not.toMatch(/内部错误/)
  }, 60_000)
})
