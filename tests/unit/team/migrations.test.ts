import { describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/errors'
import { inTransaction } from '../../../electron/services/team/connect'
import { migrateTeam, teamSchemaVersion } from '../../../electron/services/team/migrate'
import { PG_MIGRATIONS } from '../../../electron/services/team/migrations'
import { freshDatabase, withClient } from '../../helpers/team'

/**
 * The team library's migrations, one test each as for SQLite's: each applies on the one before,
 * on a real PostgreSQL server, and a schema newer than this build is refused untouched.
 */
async function migratedTo(version: number) {
  const url = await freshDatabase('mig')
  await withClient(url, async (client) => {
    await client.query('CREATE SCHEMA packetdesk')
    await migrateTeam(client, PG_MIGRATIONS.slice(0, version))
  })
  return url
}

const tables = (client: Parameters<Parameters<typeof withClient>[1]>[0]) =>
  client
    .query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'packetdesk' ORDER BY 1",
    )
    .then((r) => r.rows.map((row) => row.table_name))

describe('team library migrations (PostgreSQL)', () => {
  it('0001 library: the SQLite library tables, versions on editable rows, the audit actor', async () => {
    const url = await migratedTo(1)
    await withClient(url, async (client) => {
      expect(await teamSchemaVersion(client)).toBe(1)
      expect(await tables(client)).toEqual(
        expect.arrayContaining(['companies', 'documents', 'packets', 'letters', 'audit_log']),
      )
      await client.query(
        `INSERT INTO companies (id, name, region, created_at, updated_at)
         VALUES ('co_1', '青禾', 'domestic', '2026-11-30', '2026-11-30')`,
      )
      const row = await client.query('SELECT version, updated_by FROM companies')
      expect(row.rows).toEqual([{ version: 1, updated_by: 'postgres' }])
      // The actor is whoever inserts, whatever the row claims.
      await client.query(
        `INSERT INTO audit_log (at, action, entity_kind, entity_id, actor)
         VALUES ('2026-11-30', 'create', 'company', 'co_1', 'someone_else')`,
      )
      expect((await client.query('SELECT actor FROM audit_log')).rows).toEqual([
        { actor: 'postgres' },
      ])
      // JSON columns are checked as in SQLite.
      await expect(
        client.query(
          `INSERT INTO packets (id, applicant_company_id, account_type, account_name,
             promoted_subject, industries, created_at, updated_at)
           VALUES ('pk_1', 'co_1', 'enterprise', '青禾', 'none', 'not json', 'x', 'x')`,
        ),
      ).rejects.toThrow()
    })
  })

  it('0002 blobs: a blob is stored only under the SHA-256 of its bytes', async () => {
    const url = await migratedTo(2)
    await withClient(url, async (client) => {
      expect(await teamSchemaVersion(client)).toBe(2)
      const bytes = Buffer.from('扫描件')
      const sha = (
        await client.query<{ s: string }>("SELECT encode(sha256($1), 'hex') AS s", [bytes])
      ).rows[0]?.s
      await client.query('INSERT INTO blobs (sha256, bytes) VALUES ($1, $2)', [sha, bytes])
      await expect(
        client.query('INSERT INTO blobs (sha256, bytes) VALUES ($1, $2)', ['0'.repeat(64), bytes]),
      ).rejects.toThrow(/violates check constraint/)
    })
  })

  it('0003 search: a tsvector of the tokens as they are, under a GIN index', async () => {
    const url = await migratedTo(3)
    await withClient(url, async (client) => {
      expect(await teamSchemaVersion(client)).toBe(3)
      await client.query(
        `INSERT INTO search_index (entity_kind, entity_id, title, body)
         VALUES ('company', 'c1', '青禾', array_to_tsvector(ARRAY['青', '禾', '青禾']))`,
      )
      const hit = await client.query(
        "SELECT entity_id FROM search_index WHERE body @@ CAST('''青禾''' AS tsquery)",
      )
      expect(hit.rows).toEqual([{ entity_id: 'c1' }])
      const index = await client.query<{ indexdef: string }>(
        "SELECT indexdef FROM pg_indexes WHERE indexname = 'search_index_body'",
      )
      expect(index.rows[0]?.indexdef).toMatch(/USING gin/)
    })
  })

  it('0004 packet-trademark-order: a packet keeps its trademarks in the order given', async () => {
    const url = await migratedTo(4)
    await withClient(url, async (client) => {
      expect(await teamSchemaVersion(client)).toBe(4)
      const column = await client.query(
        `SELECT data_type, column_default, is_nullable FROM information_schema.columns
         WHERE table_schema = 'packetdesk' AND table_name = 'packet_trademarks' AND column_name = 'position'`,
      )
      expect(column.rows).toEqual([
        { data_type: 'integer', column_default: '0', is_nullable: 'NO' },
      ])
    })
  })

  it('0005 notify: a committed change announces its table (name only), a rolled-back one nothing', async () => {
    const url = await migratedTo(5)
    await withClient(url, async (listener) => {
      expect(await teamSchemaVersion(listener)).toBe(5)
      const heard: { channel: string; payload: string | undefined }[] = []
      listener.on('notification', ({ channel, payload }) => heard.push({ channel, payload }))
      await listener.query('LISTEN packetdesk_library')
      await withClient(url, async (writer) => {
        await inTransaction(writer, async () => {
          await writer.query(
            `INSERT INTO companies (id, name, region, created_at, updated_at)
             VALUES ('co_x', '回滚公司', 'domestic', 'x', 'x')`,
          )
          throw new Error('roll back')
        }).catch(() => undefined)
        await writer.query(
          `INSERT INTO companies (id, name, region, created_at, updated_at)
           VALUES ('co_1', '青禾', 'domestic', 'x', 'x'), ('co_2', '远山', 'domestic', 'x', 'x')`,
        )
        await writer.query(
          `INSERT INTO audit_log (at, action, entity_kind, entity_id) VALUES ('x', 'create', 'company', 'co_1')`,
        )
        await writer.query("UPDATE persons SET name = name WHERE id = 'none'")
      })
      // A round trip on the listener's connection delivers what is pending.
      await listener.query('SELECT 1')
      const deadline = Date.now() + 5_000
      while (heard.length < 2 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      // One per statement (two rows, one notification); the audit log is not watched; an
      // UPDATE that matched no row is still a statement on a watched table.
      expect(heard).toEqual([
        { channel: 'packetdesk_library', payload: '{"table" : "companies"}' },
        { channel: 'packetdesk_library', payload: '{"table" : "persons"}' },
      ])
      expect(JSON.stringify(heard)).not.toContain('青禾')
    })
  })

  it('0008 account-industry-query-date: a packet’s 行业类别 (JSON or null), a trademark’s 查询日期', async () => {
    const url = await migratedTo(PG_MIGRATIONS.findIndex((m) => m.version === 8) + 1)
    await withClient(url, async (client) => {
      expect(await teamSchemaVersion(client)).toBe(8)
      const columns = await client.query(
        `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
         WHERE table_schema = 'packetdesk'
           AND (table_name, column_name) IN (('packets', 'account_industry'), ('trademarks', 'query_date'))
         ORDER BY table_name`,
      )
      expect(columns.rows).toEqual([
        {
          table_name: 'packets',
          column_name: 'account_industry',
          data_type: 'text',
          is_nullable: 'YES',
        },
        {
          table_name: 'trademarks',
          column_name: 'query_date',
          data_type: 'text',
          is_nullable: 'YES',
        },
      ])
      const check = await client.query<{ def: string }>(
        `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint
         WHERE conrelid = 'packetdesk.packets'::regclass AND contype = 'c'`,
      )
      expect(check.rows.map((r) => r.def).join(' ')).toMatch(/account_industry.*jsonb/)
    })
  })

  it('runs again as a no-op, and refuses a schema newer than this build, changing nothing', async () => {
    const url = await migratedTo(PG_MIGRATIONS.length)
    const latest = PG_MIGRATIONS[PG_MIGRATIONS.length - 1]?.version
    await withClient(url, async (client) => {
      expect(await migrateTeam(client)).toEqual({ from: latest, to: latest })
      await inTransaction(client, async () => {
        await client.query("INSERT INTO schema_migrations (version, name) VALUES (99, 'future')")
      })
      const error = await migrateTeam(client).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(AppError)
      expect((error as AppError).message).toMatch(/更新版本的 PacketDesk.*架构版本 99/)
      expect(await teamSchemaVersion(client)).toBe(99)
    })
  })
})
