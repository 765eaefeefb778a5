import type { Generated } from 'kysely'
import type { IdDocumentType } from '../../../shared/validators'

/**
 * The library's tables as the typed query layer (Kysely) sees them, one definition for both
 * engines (embedded SQLite, team PostgreSQL). Tables join here as their services move onto the
 * storage port; the rest still use the SQLite handle directly (issue 11, in progress).
 */
export interface CompaniesTable {
  id: string
  name: string
  region: 'domestic' | 'foreign'
  uscc: string | null
  uscc_override: string | null
  business_scope: string
  notes: string
  created_at: string
  updated_at: string
  deleted_at: string | null
}

export interface PersonsTable {
  id: string
  name: string
  id_type: IdDocumentType | null
  /** The full number: only reveals (audited), letters and the rules read it; lists mask it. */
  id_number: string | null
  nationality: string
  notes: string
  created_at: string
  updated_at: string
  deleted_at: string | null
}

interface AuditLogTable {
  id: Generated<number>
  at: string
  action: string
  entity_kind: string
  entity_id: string
  detail: string
}

export interface LibraryTables {
  companies: CompaniesTable
  persons: PersonsTable
  audit_log: AuditLogTable
}
