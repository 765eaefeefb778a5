import type { Database } from 'better-sqlite3'
import { now } from './ids'
import type { Executor } from '../storage/library-store'

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
  db: Executor,
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

/**
 * The same on the embedded library's handle, for what only a local library does (backup,
 * restore). `detail` must never contain an ID or passport number.
 */
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
export async function auditIdReveal(db: Executor, personId: string, via: string): Promise<void> {
  await recordAudit(db, 'reveal_id_number', 'person', personId, via)
}

/** The persons whose ID scans are stored as this file (live documents on a person). */
export async function idScanOwners(db: Executor, sha256: string): Promise<string[]> {
  const rows = await db
    .selectFrom('documents')
    .select('owner_id')
    .distinct()
    .where('file_sha256', '=', sha256)
    .where('owner_kind', '=', 'person')
    .where('deleted_at', 'is', null)
    .orderBy('owner_id')
    .execute()
  return rows.map((r) => r.owner_id)
}
