import type { Database } from 'better-sqlite3'
import { todayIn } from '../../../shared/dates'
import { AppError } from '../../../shared/errors'
import { maskIdNumber } from '../../../shared/library/mask'
import type { PersonInput, PersonSummary } from '../../../shared/library/schemas'
import { validateIdDocument, type IdDocumentType } from '../../../shared/validators'
import { audit } from './audit'
import { newId, now } from './ids'
import { indexEntity } from './search'

interface PersonRow {
  id: string
  name: string
  id_type: IdDocumentType | null
  id_number: string | null
  nationality: string
  notes: string
  updated_at: string
}

function toSummary(row: PersonRow): PersonSummary {
  const valid =
    row.id_type && row.id_number
      ? validateIdDocument(row.id_type, row.id_number, todayIn()).valid
      : null
  return {
    id: row.id,
    name: row.name,
    idType: row.id_type,
    idNumberMasked: row.id_number ? maskIdNumber(row.id_number) : null,
    idNumberValid: valid,
    nationality: row.nationality,
    notes: row.notes,
    updatedAt: row.updated_at,
  }
}

function getRow(db: Database, id: string): PersonRow {
  const row = db.prepare('SELECT * FROM persons WHERE id = ? AND deleted_at IS NULL').get(id) as
    PersonRow | undefined
  if (!row) throw new AppError('NOT_FOUND', '找不到该自然人（可能已被删除）。')
  return row
}

export function listPersons(db: Database): PersonSummary[] {
  const rows = db
    .prepare('SELECT * FROM persons WHERE deleted_at IS NULL ORDER BY name')
    .all() as PersonRow[]
  return rows.map(toSummary)
}

function getPerson(db: Database, id: string): PersonSummary {
  return toSummary(getRow(db, id))
}

/** The full number, for the one place that shows it; every reveal is audited. */
export function revealIdNumber(db: Database, id: string): { idNumber: string | null } {
  const row = getRow(db, id)
  audit(db, 'reveal_id_number', 'person', id)
  return { idNumber: row.id_number }
}

/** Numbers are normalised and must validate: a wrong number is refused, never stored. */
export function savePerson(db: Database, input: PersonInput): PersonSummary {
  let idNumber: string | null = null
  let idType = input.idType ?? null
  if (input.id && input.idNumber === undefined) {
    // An edit that does not touch the number keeps it (the page never holds it).
    const current = getRow(db, input.id)
    idNumber = current.id_number
    idType = current.id_type
  } else if (input.idNumber?.trim()) {
    if (!idType) throw new AppError('INVALID_ARGUMENT', '请选择证件类型', 'idType')
    const result = validateIdDocument(idType, input.idNumber, todayIn())
    if (!result.valid)
      throw new AppError('INVALID_ARGUMENT', result.reason ?? '证件号码无效', 'idNumber')
    idNumber = result.normalized
  }
  return db.transaction(() => {
    const at = now()
    const id = input.id ?? newId('pe')
    if (input.id) {
      getRow(db, input.id)
      db.prepare(
        'UPDATE persons SET name = ?, id_type = ?, id_number = ?, nationality = ?, notes = ?, updated_at = ? WHERE id = ?',
      ).run(input.name, idType, idNumber, input.nationality ?? '', input.notes ?? '', at, id)
      audit(db, 'edit', 'person', id)
    } else {
      db.prepare(
        `INSERT INTO persons (id, name, id_type, id_number, nationality, notes, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(id, input.name, idType, idNumber, input.nationality ?? '', input.notes ?? '', at, at)
      audit(db, 'create', 'person', id)
    }
    // ID numbers stay out of the search index: lists never expose them.
    indexEntity(db, 'person', id, input.name, [input.name, input.nationality, input.notes])
    return getPerson(db, id)
  })()
}

/** For the rules engine and letters only (never for lists). */
export function personIdDocument(
  db: Database,
  id: string,
): { type: IdDocumentType; number: string } | null {
  const row = getRow(db, id)
  return row.id_type && row.id_number ? { type: row.id_type, number: row.id_number } : null
}
