import { createHash } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import type pg from 'pg'
import { AppError } from '../../../shared/errors'
import type { ContentStore } from '../files/content-store'
import { inTransaction } from './connect'
import { assertTeamNotNewer, teamSchemaVersion } from './migrate'
import { indexMissingTeam } from './search'
import { insertMissing, LIBRARY_TABLES, sharedColumns } from './tables'

interface CopyCount {
  /** Rows (or blobs) the target did not have, now added. */
  added: number
  /** Rows the target had already (same key): left as they are. */
  present: number
}

export interface PushReport {
  tables: Record<string, CopyCount>
  blobs: CopyCount
  audit: CopyCount
  /** Entities added to the team's search index. */
  indexed: number
}

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex')

/**
 * `team push`: copy a local library into the team database in one transaction — every row the
 * team does not have yet (by key; rows it has are left as the team has them), every stored
 * file as a blob whose SHA-256 is checked before sending and by the server's constraint, and
 * the audit log (each local entry once, however often the library is pushed).
 */
export async function teamPush(
  local: { db: Database; store: ContentStore },
  client: pg.Client,
): Promise<PushReport> {
  const version = await teamSchemaVersion(client)
  if (version === 0) throw new AppError('CONFLICT', '团队资料库还没有初始化：请先运行 team init。')
  assertTeamNotNewer(version)
  const { db, store } = local
  // The team's columns first, then one read of the whole local library in one SQLite
  // transaction: a consistent snapshot even while the app keeps importing (a file row read
  // later than the file list could otherwise reach the team without its bytes).
  const columns = new Map<string, string[]>()
  for (const table of LIBRARY_TABLES) columns.set(table, await sharedColumns(db, client, table))
  const snapshot = db.transaction(() => ({
    tables: LIBRARY_TABLES.map((table) => {
      const names = columns.get(table) ?? []
      const rows = db
        .prepare(`SELECT ${names.map((c) => `"${c}"`).join(', ')} FROM ${table}`)
        .all() as Record<string, unknown>[]
      return { table, columns: names, rows }
    }),
    audit: db
      .prepare(
        'SELECT id, at, action, entity_kind, entity_id, detail, origin FROM audit_log ORDER BY id',
      )
      .all() as (Record<string, unknown> & { origin: string | null })[],
  }))()
  const shas = (snapshot.tables.find((t) => t.table === 'files')?.rows ?? []).map(
    (row) => row.sha256 as string,
  )
  return inTransaction(client, async () => {
    const report: PushReport = {
      tables: {},
      blobs: { added: 0, present: 0 },
      audit: { added: 0, present: 0 },
      indexed: 0,
    }
    // Blobs before the file rows that name them (a foreign key on the team's side).
    for (const sha of shas) {
      const bytes = await store.read(sha)
      if (sha256(bytes) !== sha) {
        throw new AppError(
          'CONFLICT',
          `本地资料库中的文件 ${sha.slice(0, 12)}… 已损坏，没有推送任何内容。请先运行 doctor。`,
        )
      }
      const result = await client.query(
        'INSERT INTO blobs (sha256, bytes) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING',
        [sha, bytes],
      )
      if ((result.rowCount ?? 0) > 0) report.blobs.added++
      else report.blobs.present++
    }
    for (const { table, columns: names, rows } of snapshot.tables) {
      const added = await insertMissing(client, table, names, rows)
      report.tables[table] = { added, present: rows.length - added }
    }
    // An entry pulled from a team library keeps its origin there; a local one is named by its
    // content, so pushing again (or pushing a pulled library back) adds nothing twice.
    const audit = snapshot.audit.map(({ origin, ...row }) => ({
      ...row,
      origin: origin ?? `sqlite:${sha256(Buffer.from(JSON.stringify(row)))}`,
    }))
    const added = await insertMissing(
      client,
      'audit_log',
      ['at', 'action', 'entity_kind', 'entity_id', 'detail', 'origin'],
      audit,
      '(origin)',
    )
    report.audit = { added, present: audit.length - added }
    report.indexed = await indexMissingTeam(client)
    return report
  })
}
