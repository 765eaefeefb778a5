import { describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/errors'
import { inTransaction } from '../../../electron/services/team/connect'
import { migrateTeam, teamSchemaVersion } from '../../../electron/services/team/migrate'
import { rebuildTeamSearch, searchTeam } from '../../../electron/services/team/search'
import { LATEST_PG_SCHEMA_VERSION, PG_MIGRATIONS } from '../../../electron/services/team/migrations'
import { freshDatabase, withClient } from '../../helpers/team'

/**
 * The team library's migrations, one test each as for SQLite's: each applies on the one before,
 * on a real PostgreSQL server, and a schema newer than this build is refused untouched.
 */
async function migratedTo(version: number) {
  const url = await freshDatabase('mig')
  await withClient(url, async (client) => {
    await client.query('CREATE SCHEMA packetdesk')
    await migrateTeam(
      client,
      PG_MIGRATIONS.filter((m) => m.version <= version),
    )
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

  it('0006 packet-queue: an archived flag on packets, and exports of live packets, announced', async () => {
    const url = await migratedTo(6)
    await withClient(url, async (client) => {
      expect(await teamSchemaVersion(client)).toBe(6)
      await client.query(
        `INSERT INTO companies (id, name, region, created_at, updated_at)
         VALUES ('co_1', '青禾', 'domestic', 'x', 'x')`,
      )
      await client.query(
        `INSERT INTO packets (id, applicant_company_id, account_type, account_name,
           promoted_subject, created_at, updated_at)
         VALUES ('pk_1', 'co_1', 'enterprise', '青禾', 'none', 'x', 'x')`,
      )
      expect((await client.query('SELECT archived FROM packets')).rows).toEqual([{ archived: 0 }])
      await expect(client.query('UPDATE packets SET archived = 2')).rejects.toThrow(/check/)
      const heard: string[] = []
      client.on('notification', ({ payload }) => heard.push(payload ?? ''))
      await client.query('LISTEN packetdesk_library')
      const add = (id: string, packet: string, route: string) =>
        client.query(
          `INSERT INTO packet_exports (id, packet_id, exported_at, folder, route, draft, plan_digest)
           VALUES ($1, $2, 'x', '/out', $3, 0, 'abc')`,
          [id, packet, route],
        )
      await add('ex_1', 'pk_1', 'email')
      await expect(add('ex_2', 'pk_1', 'fax')).rejects.toThrow(/check/)
      await expect(add('ex_3', 'pk_none', 'online')).rejects.toThrow(/foreign key/)
      await client.query('SELECT 1')
      expect(heard).toContain('{"table" : "packet_exports"}')
      expect(await tables(client)).toContain('packet_exports')
    })
  })

  it('0008 account-industry-query-date: a packet’s 行业类别 (JSON or null), a trademark’s 查询日期', async () => {
    const url = await migratedTo(8)
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

  it('0007 search-scheme: old entries are rebuilt to the new tokens by team init, once', async () => {
    const url = await migratedTo(6)
    await withClient(url, async (client) => {
      await client.query(`
        INSERT INTO companies (id, name, region, uscc, created_at, updated_at)
          VALUES ('c1', '青禾', 'domestic', '91310000MA1FL8XQ37', 't', 't'),
                 ('c2', '山岚', 'domestic', NULL, 't', 't');
        INSERT INTO packets (id, applicant_company_id, account_type, account_name, promoted_subject, created_at, updated_at)
          VALUES ('p1', 'c1', 'enterprise', '青禾旗舰店', 'none', 't', 't');
        INSERT INTO relations (id, type, from_company_id, to_company_id, created_at, updated_at)
          VALUES ('r1', 'authorization', 'c2', 'c1', 't', 't');
        INSERT INTO search_index (entity_kind, entity_id, title, body)
          VALUES ('company', 'c1', '青禾', array_to_tsvector(ARRAY['青', '禾', '青禾', '91310000ma1fl8xq37']));
      `)
      expect(await searchTeam(client, '0000MA')).toEqual([])
      await migrateTeam(
        client,
        PG_MIGRATIONS.filter((m) => m.version <= 7),
      )
      expect(await teamSchemaVersion(client)).toBe(7)
      const schemes = () =>
        client
          .query<{ id: string; scheme: number }>(
            'SELECT entity_id AS id, scheme FROM search_index ORDER BY 1',
          )
          .then((r) => r.rows)
      expect(await schemes()).toEqual([{ id: 'c1', scheme: 1 }])
      // The company the index lacked is indexed too.
      expect(await rebuildTeamSearch(client)).toEqual({ retokenized: 1, indexed: 3 })
      expect(await schemes()).toEqual([
        { id: 'c1', scheme: 2 },
        { id: 'c2', scheme: 2 },
        { id: 'p1', scheme: 2 },
        { id: 'r1', scheme: 2 },
      ])
      expect((await searchTeam(client, '0000MA')).map((h) => h.id)).toEqual(['c1'])
      expect((await searchTeam(client, '旗舰')).map((h) => h.title)).toEqual(['青禾旗舰店（青禾）'])
      expect((await searchTeam(client, '山岚')).map((h) => `${h.kind}:${h.title}`).sort()).toEqual([
        'company:山岚',
        'relation:授权：山岚 → 青禾',
      ])
      // Recorded on the rows: a second run has nothing to do.
      expect(await rebuildTeamSearch(client)).toEqual({ retokenized: 0, indexed: 0 })
    })
  })

  it('0009 document-preferred-at: when a document was chosen as the one to use (null until then)', async () => {
    const url = await migratedTo(9)
    await withClient(url, async (client) => {
      expect(await teamSchemaVersion(client)).toBe(9)
      const columns = await client.query(
        `SELECT data_type, is_nullable FROM information_schema.columns
         WHERE table_schema = 'packetdesk' AND table_name = 'documents'
           AND column_name = 'preferred_at'`,
      )
      expect(columns.rows).toEqual([{ data_type: 'text', is_nullable: 'YES' }])
    })
  })

  it('0010 relation-ends: relations are indexed by their from ends too', async () => {
    const url = await migratedTo(10)
    await withClient(url, async (client) => {
      expect(await teamSchemaVersion(client)).toBe(10)
      const indexes = await client.query<{ indexname: string; indexdef: string }>(
        `SELECT indexname, indexdef FROM pg_indexes
         WHERE schemaname = 'packetdesk' AND tablename = 'relations' ORDER BY 1`,
      )
      const byName = new Map(indexes.rows.map((row) => [row.indexname, row.indexdef]))
      expect(byName.get('relations_from_company')).toContain('(from_company_id)')
      expect(byName.get('relations_from_person')).toContain('(from_person_id)')
    })
  })

  it('0011 document-valid-until: documents are indexed by their validity', async () => {
    const url = await migratedTo(11)
    await withClient(url, async (client) => {
      expect(await teamSchemaVersion(client)).toBe(11)
      const indexes = await client.query<{ indexdef: string }>(
        `SELECT indexdef FROM pg_indexes
         WHERE schemaname = 'packetdesk' AND indexname = 'documents_valid_until'`,
      )
      expect(indexes.rows.map((row) => row.indexdef)).toEqual([
        expect.stringContaining('documents USING btree (valid_until)'),
      ])
    })
  })

  it('runs again as a no-op, and refuses a schema newer than this build, changing nothing', async () => {
    const url = await migratedTo(LATEST_PG_SCHEMA_VERSION)
    await withClient(url, async (client) => {
      expect(await migrateTeam(client)).toEqual({
        from: LATEST_PG_SCHEMA_VERSION,
        to: LATEST_PG_SCHEMA_VERSION,
      })
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
