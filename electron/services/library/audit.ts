import type { Database } from 'better-sqlite3'
import { now } from './ids'

export type AuditAction =
  | 'create'
  | 'edit'
  | 'delete'
  | 'restore'
  | 'purge'
  | 'import'
  | 'reveal_id_number'
  | 'export'
  | 'uscc_override'

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
