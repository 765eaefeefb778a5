import { createHash } from 'node:crypto'
import type pg from 'pg'
import { AppError } from '../../../shared/errors'
import type { Database } from 'better-sqlite3'
import type { ContentStore } from '../files/content-store'
import { reindexEntitySync } from '../library/reindex'
import { indexPacketsAndRelationsSync } from '../library/search-entries'
import { inTransaction } from './connect'
import { assertTeamNotNewer, teamSchemaVersion } from './migrate'
import { LIBRARY_TABLES, sharedColumns } from './tables'

export interface PullReport {
  tables: Record<string, number>
  blobs: number
  audit: number
}

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex')

/**
 * `team pull`: write a complete local library from the team database — one consistent snapshot
 * (a REPEATABLE READ transaction), every blob verified against its SHA-256 on read — into a
 * new, empty local library (the CLI opens it in a new data folder): a backup the office can
 * open offline.
 */
export async function teamPull(
  client: pg.Client,
  local: { db: Database; store: ContentStore },
): Promise<PullReport> {
  const { db, store } = local
  const used = LIBRARY_TABLES.some((table) => db.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get())
  if (used) {
    throw new AppError(
      'CONFLICT',
      '目标资料库不是空的，不会覆盖。请指定一个新的文件夹。',
      'dataDir',
    )
  }
  const version = await teamSchemaVersion(client)
  if (version === 0) throw new AppError('CONFLICT', '团队资料库还没有初始化：请先运行 team init。')
  assertTeamNotNewer(version)
  return inTransaction(
    client,
    async () => {
      const report: PullReport = { tables: {}, blobs: 0, audit: 0 }
      const shas = (
        await client.query<{ sha256: string }>('SELECT sha256 FROM files ORDER BY sha256')
      ).rows
      for (const { sha256: sha } of shas) {
        const blob = await client.query<{ bytes: Buffer }>(
          'SELECT bytes FROM blobs WHERE sha256 = $1',
          [sha],
        )
        const bytes = blob.rows[0]?.bytes
        if (!bytes || sha256(bytes) !== sha) {
          throw new AppError(
            'CONFLICT',
            `团队资料库中的文件 ${sha.slice(0, 12)}… 缺失或已损坏，没有写入本地资料库。`,
          )
        }
        await store.put(bytes)
        report.blobs++
      }
      const copies: { table: string; columns: string[]; rows: Record<string, unknown>[] }[] = []
      for (const table of LIBRARY_TABLES) {
        const columns = await sharedColumns(db, client, table)
        const names = columns.map((c) => client.escapeIdentifier(c)).join(', ')
        const rows = (await client.query(`SELECT ${names} FROM ${table}`)).rows as Record<
          string,
          unknown
        >[]
        copies.push({ table, columns, rows })
        report.tables[table] = rows.length
      }
      // Each entry keeps who wrote it and where it came from (its origin, or this team
      // library's id and the entry's), so pushing this library back adds nothing twice.
      const libraryId = (await client.query<{ id: string }>('SELECT id FROM library_info')).rows[0]
        ?.id
      const audit = (
        await client.query(
          'SELECT id, at, action, entity_kind, entity_id, detail, actor, origin FROM audit_log ORDER BY id',
        )
      ).rows as Record<string, unknown>[]
      report.audit = audit.length
      db.transaction(() => {
        db.pragma('defer_foreign_keys = ON')
        for (const { table, columns, rows } of copies) {
          const insert = db.prepare(
            `INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
          )
          for (const row of rows) insert.run(...columns.map((c) => row[c] ?? null))
        }
        const insertAudit = db.prepare(
          `INSERT INTO audit_log (at, action, entity_kind, entity_id, detail, actor, origin)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        for (const row of audit) {
          const origin =
            (row.origin as string | null) ?? `team:${libraryId ?? ''}:${String(row.id)}`
          insertAudit.run(
            row.at,
            row.action,
            row.entity_kind,
            row.entity_id,
            row.detail,
            row.actor,
            origin,
          )
        }
        for (const kind of ['company', 'person', 'trademark'] as const) {
          const table = { company: 'companies', person: 'persons', trademark: 'trademarks' }[kind]
          const ids = db
            .prepare(`SELECT id FROM ${table} WHERE deleted_at IS NULL`)
            .pluck()
            .all() as string[]
          for (const id of ids) reindexEntitySync(db, kind, id)
        }
        indexPacketsAndRelationsSync(db)
      })()
      return report
    },
    'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY',
  )
}
