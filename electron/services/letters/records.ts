import type { Database } from 'better-sqlite3'
import { addDays, addMonthsClamped } from '../../../shared/dates'
import { AppError } from '../../../shared/errors'
import type { LetterRecord, Relation } from '../../../shared/library/schemas'
import { letterTemplateFor, requirementOfRelation } from '../../../shared/rules/requirement-derive'
import type { ContentStore } from '../files/content-store'
import { inspectFile } from '../files/inspect'
import { recordFileRow } from '../library/file-rows'
import { audit } from '../library/audit'
import { newId, now } from '../library/ids'
import { getRelation } from '../library/relations'
import { listTrademarks } from '../library/trademarks'
import { personIdDocument } from '../library/persons'
import { validateIdDocument } from '../../../shared/validators'
import type { LetterDataInput } from './data'
import { generateLetter } from './generate'
import { userWording } from './wording'

interface LetterRow {
  id: string
  relation_id: string
  packet_id: string | null
  requirement: LetterRecord['requirement']
  template: string
  pdf_sha256: string
  status: LetterRecord['status']
  valid_from: string
  valid_until: string
  created_at: string
}

/** A letter counts as signed once a scan for its relation and requirement was imported after it. */
function withStatus(db: Database, row: LetterRow): LetterRecord {
  const signed = db
    .prepare(
      `SELECT 1 FROM documents WHERE deleted_at IS NULL AND owner_kind = 'relation' AND owner_id = ?
       AND requirement = ? AND file_sha256 IS NOT NULL AND created_at >= ?`,
    )
    .get(row.relation_id, row.requirement, row.created_at)
  return {
    id: row.id,
    relationId: row.relation_id,
    packetId: row.packet_id,
    requirement: row.requirement,
    template: row.template,
    pdfSha256: row.pdf_sha256,
    status: signed ? 'signed' : row.status,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    createdAt: row.created_at,
  }
}

export function listLetters(
  db: Database,
  filter: { relationId?: string; packetId?: string },
): LetterRecord[] {
  const rows = db
    .prepare(
      `SELECT * FROM letters WHERE (? IS NULL OR relation_id = ?) AND (? IS NULL OR packet_id = ?)
       ORDER BY created_at DESC`,
    )
    .all(
      filter.relationId ?? null,
      filter.relationId ?? null,
      filter.packetId ?? null,
      filter.packetId ?? null,
    ) as LetterRow[]
  return rows.map((r) => withStatus(db, r))
}

export function markPrinted(db: Database, id: string): LetterRecord {
  return db.transaction(() => {
    const result = db
      .prepare(
        "UPDATE letters SET status = 'printed', updated_at = ? WHERE id = ? AND status = 'generated'",
      )
      .run(now(), id)
    const row = db.prepare('SELECT * FROM letters WHERE id = ?').get(id) as LetterRow | undefined
    if (!row) throw new AppError('NOT_FOUND', '找不到该授权书。')
    if (result.changes > 0) audit(db, 'edit', 'letter', id, 'printed')
    return withStatus(db, row)
  })()
}

/** The requirement and built-in template of a relation's letter (requirements table, R9–R11). */
function letterFor(
  type: Relation['type'],
  fromKind: 'company' | 'person',
): { requirement: LetterRecord['requirement']; template: string } {
  const requirement = requirementOfRelation(type)
  const template = requirement ? letterTemplateFor(requirement, fromKind) : null
  if (!requirement || !template) {
    throw new AppError('CONFLICT', '这种关系没有可生成的授权书模板。')
  }
  return { requirement: requirement as LetterRecord['requirement'], template }
}

/** What a relation's letter states, and how it is recorded. */
export interface RelationLetterData {
  relation: ReturnType<typeof getRelation>
  /** The input of letterDataSchema. */
  data: LetterDataInput
  /** The built-in template this relation uses. */
  template: string
  requirement: LetterRecord['requirement']
  validFrom: string
  validUntil: string
}

/**
 * The data a relation's letter states, with the trademarks the grantor holds
 * (those of the packet when one is given); refuses what a letter cannot state.
 */
export function relationLetterData(
  db: Database,
  input: {
    relationId: string
    packetId?: string | undefined
    validUntil?: string | null | undefined
    /** One letter for this trademark only (batch "one letter per trademark"). */
    trademarkId?: string | undefined
  },
  today: string,
): RelationLetterData {
  const relation = getRelation(db, input.relationId)
  const company = (id: string) =>
    db.prepare('SELECT name, uscc, region FROM companies WHERE id = ?').get(id) as
      { name: string; uscc: string | null; region: 'domestic' | 'foreign' } | undefined
  const packetMarks = input.packetId
    ? new Set(
        (
          db
            .prepare('SELECT trademark_id FROM packet_trademarks WHERE packet_id = ?')
            .all(input.packetId) as {
            trademark_id: string
          }[]
        ).map((r) => r.trademark_id),
      )
    : null
  const owners =
    relation.type === 'parent_subsidiary' ? [relation.from.id, relation.to.id] : [relation.from.id]
  const marks = listTrademarks(db).filter(
    (t) =>
      owners.includes(t.registrant.id) &&
      (!packetMarks || packetMarks.has(t.id)) &&
      (!input.trademarkId || t.id === input.trademarkId),
  )
  if (marks.length === 0) {
    throw new AppError(
      'INVALID_ARGUMENT',
      `${relation.from.name} 名下没有可写入授权书的商标，请先在资料库登记商标。`,
      'relationId',
    )
  }
  const missingClass = marks.find((t) => t.class === null)
  if (missingClass) {
    throw new AppError(
      'INVALID_ARGUMENT',
      `商标“${missingClass.text}”未填写类别，授权书须注明商标类别，请先在资料库补充。`,
      'relationId',
    )
  }
  let grantor: Record<string, unknown>
  if (relation.from.kind === 'person') {
    const idDocument = personIdDocument(db, relation.from.id)
    if (!idDocument) {
      throw new AppError(
        'INVALID_ARGUMENT',
        `R11：授权书须注明 ${relation.from.name} 的身份证号或护照号，请先在资料库登记证件号码。`,
        'relationId',
      )
    }
    // R11: the printed number must be valid on the letter's date, not merely on file.
    const check = validateIdDocument(idDocument.type, idDocument.number, today)
    if (!check.valid) {
      throw new AppError(
        'INVALID_ARGUMENT',
        `R11：${relation.from.name} 的证件号码无效（${check.reason ?? ''}），请先在资料库更正。`,
        'relationId',
      )
    }
    grantor = {
      kind: 'person',
      name: relation.from.name,
      idDocument: { type: idDocument.type, number: check.normalized },
    }
  } else {
    const c = company(relation.from.id)
    grantor = {
      kind: 'company',
      name: relation.from.name,
      uscc: c?.uscc ?? null,
      region: c?.region ?? 'domestic',
    }
  }
  const grantee = company(relation.to.id)
  const validFrom = relation.validFrom ?? today
  const validUntil =
    input.validUntil ?? relation.validUntil ?? addDays(addMonthsClamped(validFrom, 12), -1)
  return {
    relation,
    data: {
      grantor,
      grantee: { name: relation.to.name, uscc: grantee?.uscc ?? null },
      trademarks: marks.map((t) => ({ text: t.text, regNo: t.regNo, class: t.class })),
      validFrom,
      validUntil,
      date: today,
    } as LetterDataInput,
    ...letterFor(relation.type, relation.from.kind),
    validFrom,
    validUntil,
  }
}

/** Store a letter's PDF content-addressed and record it as `generated`. */
export async function recordLetter(
  db: Database,
  store: ContentStore,
  pdf: Buffer,
  letter: {
    relationId: string
    packetId?: string | undefined
    requirement: LetterRecord['requirement']
    template: string
    validFrom: string
    validUntil: string
  },
): Promise<LetterRecord> {
  const { template, validFrom, validUntil } = letter
  const facts = await inspectFile(pdf)
  const stored = await store.put(pdf)
  return db.transaction(() => {
    const at = now()
    recordFileRow(db, stored.sha256, facts, `${template}.pdf`)
    const id = newId('le')
    db.prepare(
      `INSERT INTO letters (id, relation_id, packet_id, requirement, template, pdf_sha256, status, valid_from,
       valid_until, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'generated', ?, ?, ?, ?)`,
    ).run(
      id,
      letter.relationId,
      letter.packetId ?? null,
      letter.requirement,
      template,
      stored.sha256,
      validFrom,
      validUntil,
      at,
      at,
    )
    audit(db, 'create', 'letter', id, template)
    const row = db.prepare('SELECT * FROM letters WHERE id = ?').get(id) as LetterRow
    return withStatus(db, row)
  })()
}

/**
 * Generate the letter a relation needs, with the trademarks the grantor holds
 * (those of the packet when one is given), store the PDF content-addressed
 * and record it as `generated`.
 */
export async function generateRelationLetter(
  db: Database,
  store: ContentStore,
  input: {
    relationId: string
    packetId?: string | undefined
    validUntil?: string | null | undefined
    trademarkId?: string | undefined
  },
  today: string,
): Promise<LetterRecord> {
  const built = relationLetterData(db, input, today)
  // The user's edited wording of this built-in template, when there is one.
  const wording = userWording(db, built.template)
  const pdf = Buffer.from(
    await generateLetter(built.template, built.data, wording ? { template: wording } : {}),
  )
  return recordLetter(db, store, pdf, {
    relationId: built.relation.id,
    packetId: input.packetId,
    requirement: built.requirement,
    template: built.template,
    validFrom: built.validFrom,
    validUntil: built.validUntil,
  })
}
