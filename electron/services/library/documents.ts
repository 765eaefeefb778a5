import type { Database } from 'better-sqlite3'
import { AppError } from '../../../shared/errors'
import type { FileInfo, LibraryDocument, OwnerKind } from '../../../shared/library/schemas'
import { audit } from './audit'
import { newId, now } from './ids'
import { getRelation } from './relations'

interface DocumentRow {
  id: string
  requirement: string
  owner_kind: OwnerKind
  owner_id: string
  subject: string
  catalog_name: string | null
  file_sha256: string | null
  issued_on: string | null
  valid_until: string | null
  notes: string
  f_format: string | null
  f_width: number | null
  f_height: number | null
  f_bytes: number | null
  f_pages: number | null
  f_color: number | null
  f_original_name: string | null
}

const SELECT = `
  SELECT d.*, f.format AS f_format, f.width AS f_width, f.height AS f_height, f.bytes AS f_bytes,
         f.pages AS f_pages, f.color AS f_color, d.original_name AS f_original_name
  FROM documents d LEFT JOIN files f ON f.sha256 = d.file_sha256
  WHERE d.deleted_at IS NULL`

function toDocument(row: DocumentRow): LibraryDocument {
  const file: FileInfo | null = row.file_sha256
    ? {
        sha256: row.file_sha256,
        format: row.f_format ?? '',
        width: row.f_width ?? 0,
        height: row.f_height ?? 0,
        bytes: row.f_bytes ?? 0,
        pages: row.f_pages ?? 1,
        color: row.f_color === 1,
        originalName: row.f_original_name ?? '',
      }
    : null
  return {
    id: row.id,
    requirement: row.requirement,
    ownerKind: row.owner_kind,
    ownerId: row.owner_id,
    subject: row.subject,
    catalogName: row.catalog_name,
    file,
    issuedOn: row.issued_on,
    validUntil: row.valid_until,
    notes: row.notes,
  }
}

export function listDocuments(
  db: Database,
  ownerKind: OwnerKind,
  ownerId: string,
): LibraryDocument[] {
  const rows = db
    .prepare(`${SELECT} AND d.owner_kind = ? AND d.owner_id = ? ORDER BY d.created_at`)
    .all(ownerKind, ownerId) as DocumentRow[]
  return rows.map(toDocument)
}

export function listAllDocuments(db: Database): LibraryDocument[] {
  return (db.prepare(`${SELECT} ORDER BY d.created_at`).all() as DocumentRow[]).map(toDocument)
}

export function getDocument(db: Database, id: string): LibraryDocument {
  const row = db.prepare(`${SELECT} AND d.id = ?`).get(id) as DocumentRow | undefined
  if (!row) throw new AppError('NOT_FOUND', '找不到该文件记录（可能已被删除）。')
  return toDocument(row)
}

/** The plan subject (RULES.md §3) a document on this owner serves. */
function subjectFor(
  db: Database,
  ownerKind: OwnerKind,
  ownerId: string,
  explicit?: string,
): string {
  if (ownerKind === 'trademark' || ownerKind === 'person') return ownerId
  if (ownerKind === 'relation') {
    const relation = getRelation(db, ownerId)
    if (relation.type === 'parent_subsidiary')
      return [relation.from.id, relation.to.id].sort().join('<->')
    return `${relation.from.id}->${relation.to.id}`
  }
  return explicit ?? ''
}

const OWNER_TABLES: Record<OwnerKind, string> = {
  company: 'companies',
  person: 'persons',
  trademark: 'trademarks',
  relation: 'relations',
  packet: 'packets',
}

export interface NewDocument {
  requirement: string
  ownerKind: OwnerKind
  ownerId: string
  subject?: string | undefined
  catalogName?: string | null | undefined
  fileSha256: string | null
  /** The file's name at import (shown in the viewer); never derived from the stored bytes. */
  originalName?: string | undefined
  issuedOn?: string | null | undefined
  validUntil?: string | null | undefined
  notes?: string | undefined
}

/** Insert a document row (the file row must already exist, same transaction as the caller's). */
export function assertOwnerExists(db: Database, ownerKind: OwnerKind, ownerId: string): void {
  const table = OWNER_TABLES[ownerKind]
  if (!db.prepare(`SELECT 1 FROM ${table} WHERE id = ? AND deleted_at IS NULL`).get(ownerId)) {
    throw new AppError('NOT_FOUND', '文件要归属的记录不存在或已被删除。')
  }
}

export function insertDocument(db: Database, doc: NewDocument): LibraryDocument {
  assertOwnerExists(db, doc.ownerKind, doc.ownerId)
  const id = newId('do')
  const at = now()
  db.prepare(
    `INSERT INTO documents (id, requirement, owner_kind, owner_id, subject, catalog_name, file_sha256, issued_on,
     valid_until, notes, created_at, updated_at, original_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    doc.requirement,
    doc.ownerKind,
    doc.ownerId,
    subjectFor(db, doc.ownerKind, doc.ownerId, doc.subject),
    doc.catalogName ?? null,
    doc.fileSha256,
    doc.issuedOn ?? null,
    doc.validUntil ?? null,
    doc.notes ?? '',
    at,
    at,
    (doc.originalName ?? '').normalize('NFC').slice(0, 255),
  )
  audit(db, 'import', 'document', id, doc.requirement)
  return getDocument(db, id)
}

export function updateDocumentDates(
  db: Database,
  id: string,
  dates: {
    issuedOn?: string | null | undefined
    validUntil?: string | null | undefined
    notes?: string | undefined
  },
): LibraryDocument {
  return db.transaction(() => {
    const current = getDocument(db, id)
    db.prepare(
      'UPDATE documents SET issued_on = ?, valid_until = ?, notes = ?, updated_at = ? WHERE id = ?',
    ).run(
      dates.issuedOn === undefined ? current.issuedOn : dates.issuedOn,
      dates.validUntil === undefined ? current.validUntil : dates.validUntil,
      dates.notes ?? current.notes,
      now(),
      id,
    )
    audit(db, 'edit', 'document', id)
    return getDocument(db, id)
  })()
}
