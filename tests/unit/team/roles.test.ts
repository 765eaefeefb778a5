import { describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/errors'
import { connectTeam } from '../../../electron/services/team/connect'
import { teamInit } from '../../../electron/services/team/init'
import { addClerk } from '../../../electron/services/team/roles'
import { freshDatabase, uniqueClerk, urlFor, withClient } from '../../helpers/team'

/**
 * Who is who in the team library: `team init` creates the group roles once per server and
 * reuses them (on a second run, on a second database); each clerk has an own login in the
 * clerk group; the audit log is insert-only for clerks and no clerk can drop a table.
 */
describe('team init and clerks', () => {
  it('init is idempotent and reuses the server-wide roles on a second database', async () => {
    const first = await freshDatabase('init')
    const report = await teamInit(first)
    expect(report.schema).toBe('packetdesk')
    expect(report.schemaVersion.to).toBeGreaterThan(0)
    expect([...report.rolesCreated, ...report.rolesReused].sort()).toEqual([
      'packetdesk_admin',
      'packetdesk_clerk',
    ])
    const again = await teamInit(first)
    expect(again.rolesCreated).toEqual([])
    expect(again.schemaVersion.from).toBe(again.schemaVersion.to)
    const second = await teamInit(await freshDatabase('init'))
    expect(second.rolesCreated).toEqual([])
    expect(second.schemaVersion).toEqual({ from: 0, to: report.schemaVersion.to })
    // The tables belong to packetdesk_admin, not to whoever ran init.
    await withClient(first, async (client) => {
      const owners = await client.query<{ tableowner: string }>(
        "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'packetdesk'",
      )
      expect(owners.rows).toEqual([{ tableowner: 'packetdesk_admin' }])
    })
  }, 60_000)

  it('a clerk logs in with the printed password, works, and cannot rewrite the audit log or drop tables', async () => {
    const url = await freshDatabase('perm')
    await teamInit(url)
    const name = uniqueClerk()
    const clerk = await withClient(url, (client) => addClerk(client, name))
    expect(clerk.password.length).toBeGreaterThanOrEqual(20)
    // The server was sent only a SCRAM verifier, never the password.
    await withClient(url, async (client) => {
      const stored = await client.query<{ rolpassword: string }>(
        'SELECT rolpassword FROM pg_authid WHERE rolname = $1',
        [name],
      )
      expect(stored.rows[0]?.rolpassword).toMatch(/^SCRAM-SHA-256\$4096:/)
      const seen = await client.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM pg_stat_activity WHERE query LIKE $1',
        [`%${clerk.password}%`],
      )
      expect(seen.rows[0]?.n).toBe(0)
    })
    const asClerk = await connectTeam(
      urlFor({ database: new URL(url).pathname.slice(1), user: name, password: clerk.password }),
    )
    try {
      expect((await asClerk.query('SELECT current_user AS u')).rows).toEqual([{ u: name }])
      await asClerk.query(
        `INSERT INTO companies (id, name, region, created_at, updated_at)
         VALUES ('co_1', '青禾', 'domestic', '2026-11-30', '2026-11-30')`,
      )
      await asClerk.query("UPDATE companies SET notes = '改过' WHERE id = 'co_1'")
      await asClerk.query(
        `INSERT INTO audit_log (at, action, entity_kind, entity_id)
         VALUES ('2000-01-01', 'create', 'company', 'co_1')`,
      )
      // Who and when are the server's: the actor is the clerk, the time is not backdated.
      const entry = await asClerk.query<{ actor: string; at: string }>(
        'SELECT actor, at FROM audit_log',
      )
      expect(entry.rows[0]?.actor).toBe(name)
      expect(entry.rows[0]?.at.slice(0, 4)).not.toBe('2000')
      // Every save is stamped by the server: who, and a new version.
      expect((await asClerk.query('SELECT version, updated_by FROM companies')).rows).toEqual([
        { version: 2, updated_by: name },
      ])
      // 42501: insufficient privilege; 428C9: an always-generated id cannot be given.
      const denied = async (sql: string) => {
        const error = await asClerk.query(sql).catch((e: unknown) => e)
        expect(['42501', '428C9'], sql).toContain((error as { code?: string }).code)
      }
      await denied(
        `INSERT INTO audit_log (at, action, entity_kind, entity_id, actor)
         VALUES ('2026-11-30', 'create', 'company', 'co_1', 'postgres')`,
      )
      await denied(
        `INSERT INTO audit_log (id, at, action, entity_kind, entity_id)
         VALUES (1000, '2026-11-30', 'create', 'company', 'co_1')`,
      )
      await denied('DELETE FROM blobs')
      await denied("UPDATE files SET original_name = 'x'")
      await denied("UPDATE audit_log SET detail = 'x'")
      await denied('DELETE FROM audit_log')
      await denied('TRUNCATE audit_log')
      await denied('DROP TABLE companies')
      await denied('ALTER TABLE companies ADD COLUMN x text')
      await denied("INSERT INTO schema_migrations (version, name) VALUES (50, 'x')")
      expect((await asClerk.query('SELECT count(*)::int AS n FROM audit_log')).rows).toEqual([
        { n: 1 },
      ])
    } finally {
      await asClerk.end()
    }
  }, 60_000)

  it('refuses a bad clerk name, a taken one, and a wrong password with a clear reason', async () => {
    const url = await freshDatabase('names')
    await teamInit(url)
    await withClient(url, async (client) => {
      const bad = await addClerk(client, 'Wang Li; DROP').catch((e: unknown) => e)
      expect(bad).toBeInstanceOf(AppError)
      expect((bad as AppError).field).toBe('name')
      const name = uniqueClerk()
      await addClerk(client, name)
      const taken = await addClerk(client, name).catch((e: unknown) => e)
      expect((taken as AppError).code).toBe('CONFLICT')
    })
    const wrong = await connectTeam(urlFor({ user: 'postgres', password: 'wrong-password' })).catch(
      (e: unknown) => e,
    )
    expect((wrong as AppError).message).toMatch(/用户名或密码不对/)
    expect((wrong as AppError).message).not.toContain('wrong-password')
  }, 60_000)
})
