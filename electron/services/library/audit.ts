import type { Database } from 'better-sqlite3'
import { now } from './ids'
import type { Kysely } from 'kysely'
import type { LibraryTables } from '../storage/tables'

export type AuditAction =
  | 'create'
  | 'edit'
  | 'delete'
  | 'restore'
  | 'purge'
  | 'import'
  | 'reveal_id_number'
  | 'export'
  | 'backup'
  | 'uscc_override'

/** The same, on the storage port (either engine; `db` may be a transaction). */
export async function recordAudit(
  db: Kysely<LibraryTables>,
  action: AuditAction,
  kind: string,
  id: string,
  detail = '',
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({ at: now(), action, entity_kind: kind, entity_id: id, detail })
    .execute()
}

/** Record who-did-what. `detail` must never contain an ID or passport number. */
export function audit(
  db: Database,
  action: AuditAction,
  kind: string,
  id: string,
  detail = '',
): void {
  db.prepare(
    'INSERT INTO audit_log (at, action, entity_kind, entity_id, detail) VALUES (?, ?, ?, ?, ?)',
  ).run(now(), action, kind, id, detail)
}

/**
 * Every way to see a person's full ID number is audited as a reveal (never with the number):
 * the masked list's reveal, a letter PDF stating it, a filled user template, an ID scan viewed.
 */
export function auditIdReveal(db: Database, personId: string, via: string): void {
  audit(db, 'reveal_id_number', 'person', personId, via)
}

/** The persons whose ID scans are stored as this file (live documents on a person). */
export function idScanOwners(db: Database, sha256: string): string[] {
  return (
    db
      .prepare(
        `SELECT DISTINCT owner_id FROM documents
         WHERE file_sha256 = ? AND owner_kind = 'person' AND deleted_at IS NULL`,
      )
      .all(sha256) as { owner_id: string }[]
  ).map((r) => r.owner_id)
}
