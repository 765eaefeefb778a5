import type { ColumnType, Generated } from 'kysely'
import type { LetterRecord } from '../../../shared/library/schemas'
import type { IdDocumentType } from '../../../shared/validators'

/**
 * The library's tables as the typed query layer (Kysely) sees them, one definition for both
 * engines (embedded SQLite, team PostgreSQL: team migration 0001 mirrors the SQLite schema).
 * Editable rows carry `version` (bumped by the database on every update) and `updated_by`:
 * SQLite migration 0011, the team library's `stamp_row` trigger.
 */

/** Set by the database on update; a service only reads it, or names it in a WHERE. */
type Version = ColumnType<number, never, never>

interface Stamped {
  version: Version
  updated_by: ColumnType<string, string | undefined, string>
}

export interface CompaniesTable extends Stamped {
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

export interface PersonsTable extends Stamped {
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

interface TrademarksTable extends Stamped {
  id: string
  reg_no: string
  text: string
  class: number | null
  registrant_company_id: string | null
  registrant_person_id: string | null
  status: 'registered' | 'application_accepted' | 'transfer_accepted'
  valid_until: string | null
  acceptance_date: string | null
  transferee_company_id: string | null
  official_registrant_differs: 'change' | 'transfer' | null
  /** 查询日期 (SQLite migration 0015, team migration 0008). */
  query_date: string | null
  notes: string
  created_at: string
  updated_at: string
  deleted_at: string | null
}

interface RelationsTable extends Stamped {
  id: string
  type: 'authorization' | 'general_agency' | 'parent_subsidiary'
  from_company_id: string | null
  from_person_id: string | null
  to_company_id: string
  valid_from: string | null
  valid_until: string | null
  notes: string
  created_at: string
  updated_at: string
  deleted_at: string | null
}

interface FilesTable {
  sha256: string
  format: string
  width: number
  height: number
  bytes: number
  pages: number
  /** 0 or 1 on both engines. */
  color: number
  original_name: string
  imported_at: string
}

type DocumentOwnerKind = 'company' | 'person' | 'trademark' | 'relation' | 'packet'

interface DocumentsTable extends Stamped {
  id: string
  requirement: string
  owner_kind: DocumentOwnerKind
  owner_id: string
  subject: string
  catalog_name: string | null
  file_sha256: string | null
  issued_on: string | null
  valid_until: string | null
  notes: string
  original_name: string
  created_at: string
  updated_at: string
  deleted_at: string | null
}

interface PacketsTable extends Stamped {
  id: string
  applicant_company_id: string
  account_type: 'enterprise' | 'employee'
  account_name: string
  promoted_subject: 'none' | 'website' | 'app'
  /** JSON text (an array of industry choices). */
  industries: string
  /** JSON text of Step 1's 行业类别 {primary, secondary}, or null (migrations 0015 / team 0008). */
  account_industry: string | null
  avatar_fit: 'pad' | 'crop'
  /** JSON text (prerequisite ticks). */
  prerequisites: string
  notes: string
  created_at: string
  updated_at: string
  deleted_at: string | null
}

interface PacketTrademarksTable {
  packet_id: string
  trademark_id: string
  /** The order the clerk added them in (SQLite migration 0012, team migration 0004). */
  position: number
}

interface SubmissionsTable {
  id: string
  packet_id: string
  submitted_on: string
  result: 'pending' | 'approved' | 'rejected'
  reasons: string
  /** JSON text. */
  tags: string
  /** JSON text: the scenario as submitted. */
  scenario: string
  created_at: string
}

export interface LettersTable extends Stamped {
  id: string
  relation_id: string
  packet_id: string | null
  requirement: LetterRecord['requirement']
  template: string
  pdf_sha256: string
  status: 'generated' | 'printed' | 'signed'
  valid_from: string
  valid_until: string
  created_at: string
  updated_at: string
}

interface UserIndustriesTable {
  primary_name: string
  secondary_name: string
  /** JSON text or null (a hidden starter entry). */
  entry: string | null
  hidden: number
  updated_at: string
}

export interface LetterTemplatesTable extends Stamped {
  id: string
  name: string
  pdf_sha256: string
  kind: 'acroform' | 'flat'
  /** JSON text: an array of placed fields. */
  fields: string
  created_at: string
  updated_at: string
  deleted_at: string | null
}

interface TemplateWordingTable {
  name: string
  /** JSON text. */
  template: string
  updated_at: string
}

interface AuditLogTable {
  /** An integer on SQLite, a bigint (returned as a string by `pg`) on PostgreSQL. */
  id: Generated<number | string>
  at: string
  action: string
  entity_kind: string
  entity_id: string
  detail: string
  /** Who: set by the team library's trigger (current_user); null for local entries. */
  actor: ColumnType<string | null, never, never>
  origin: ColumnType<string | null, string | null | undefined, never>
}

export interface LibraryTables {
  companies: CompaniesTable
  persons: PersonsTable
  trademarks: TrademarksTable
  relations: RelationsTable
  files: FilesTable
  documents: DocumentsTable
  packets: PacketsTable
  packet_trademarks: PacketTrademarksTable
  submissions: SubmissionsTable
  letters: LettersTable
  user_industries: UserIndustriesTable
  letter_templates: LetterTemplatesTable
  template_wording: TemplateWordingTable
  audit_log: AuditLogTable
}
