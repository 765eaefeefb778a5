import type { Database } from 'better-sqlite3'
import type pg from 'pg'

/**
 * The library's tables in an order that inserts parents before children. Both engines have
 * them; each copy moves the columns both have (the team library adds version, updated_by …).
 * The audit log is copied apart (its ids differ per library), search tables are rebuilt, and
 * settings (the clerk's UI language) stay with each clerk.
 */
export const LIBRARY_TABLES = [
  'companies',
  'persons',
  'trademarks',
  'relations',
  'files',
  'documents',
  'packets',
  'packet_trademarks',
  'submissions',
  'packet_exports',
  'letters',
  'user_industries',
  'letter_templates',
  'template_wording',
] as const

function sqliteColumns(db: Database, table: string): string[] {
  return (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map(
    (c) => c.name,
  )
}

async function pgColumns(client: pg.Client, table: string): Promise<string[]> {
  const result = await client.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  )
  return result.rows.map((r) => r.column_name)
}

/** The columns both engines have for `table`, in the SQLite order. */
export async function sharedColumns(
  db: Database,
  client: pg.Client,
  table: string,
): Promise<string[]> {
  const theirs = new Set(await pgColumns(client, table))
  return sqliteColumns(db, table).filter((c) => theirs.has(c))
}

/**
 * INSERT rows into a PostgreSQL table in batches, skipping rows whose key is already there
 * (a push never duplicates and never overwrites the team's edits). Returns how many were added.
 */
export async function insertMissing(
  client: pg.Client,
  table: string,
  columns: string[],
  rows: Record<string, unknown>[],
  conflict = '',
): Promise<number> {
  let added = 0
  const perBatch = Math.max(1, Math.floor(30_000 / Math.max(1, columns.length)))
  const names = columns.map((c) => client.escapeIdentifier(c)).join(', ')
  for (let start = 0; start < rows.length; start += perBatch) {
    const batch = rows.slice(start, start + perBatch)
    const values: unknown[] = []
    const tuples = batch.map((row) => {
      const slots = columns.map((column) => {
        values.push(row[column] ?? null)
        return `$${values.length}`
      })
      return `(${slots.join(', ')})`
    })
    const result = await client.query(
      `INSERT INTO ${client.escapeIdentifier(table)} (${names}) VALUES ${tuples.join(', ')}
       ON CONFLICT ${conflict} DO NOTHING`,
      values,
    )
    added += result.rowCount ?? 0
  }
  return added
}
