import { addDays, addMonthsClamped } from '../../../shared/dates'
import { AppError } from '../../../shared/errors'
import type { LetterRecord, Relation } from '../../../shared/library/schemas'
import { letterTemplateFor, requirementOfRelation } from '../../../shared/rules/requirement-derive'
import type { FileStore } from '../storage/file-store'
import type { Executor, LibraryStore } from '../storage/library-store'
import { inspectFile } from '../files/inspect'
import { recordFileRow } from '../library/file-rows'
import { recordAudit } from '../library/audit'
import { newId, now } from '../library/ids'
import { getRelation } from '../library/relations'
import { listTrademarks } from '../library/trademarks'
import { personIdDocument } from '../library/persons'
import { validateIdDocument } from '../../../shared/validators'
import type { LetterDataInput } from './data'
import { generateLetter } from './generate'
import { userWording } from './wording'
import type { Selectable } from 'kysely'
import type { LettersTable } from '../storage/tables'

type LetterRow = Selectable<LettersTable>

/**
 * A letter counts as signed once a scan for its relation and requirement was imported after it:
 * the first such scan (its import time is when the letter became signed; 今日 uses it too).
 */
export async function signedScanOf(
  db: Executor,
  letter: { relationId: string; requirement: string; createdAt: string },
): Promise<{ id: string; created_at: string } | undefined> {
  return db
    .selectFrom('documents')
    .select(['id', 'created_at'])
    .where('deleted_at', 'is', null)
    .where('owner_kind', '=', 'relation')
    .where('owner_id', '=', letter.relationId)
    .where('requirement', '=', letter.requirement)
    .where('file_sha256', 'is not', null)
    .where('created_at', '>=', letter.createdAt)
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst()
}

async function withStatus(db: Executor, row: LetterRow): Promise<LetterRecord> {
  const signed = await signedScanOf(db, {
    relationId: row.relation_id,
    requirement: row.requirement,
    createdAt: row.created_at,
  })
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

/** Newest first. */
export async function listLetters(
  db: Executor,
  filter: { relationId?: string; packetId?: string },
): Promise<LetterRecord[]> {
  let query = db.selectFrom('letters').selectAll()
  if (filter.relationId) query = query.where('relation_id', '=', filter.relationId)
  if (filter.packetId) query = query.where('packet_id', '=', filter.packetId)
  const rows = await query.orderBy('created_at', 'desc').orderBy('id').execute()
  const letters: LetterRecord[] = []
  for (const row of rows) letters.push(await withStatus(db, row))
  return letters
}

export async function markPrinted(store: LibraryStore, id: string): Promise<LetterRecord> {
  return store.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('letters')
      .set({ status: 'printed', updated_at: now(), updated_by: store.actor })
      .where('id', '=', id)
      .where('status', '=', 'generated')
      .executeTakeFirst()
    const row = await trx.selectFrom('letters').selectAll().where('id', '=', id).executeTakeFirst()
    if (!row) throw new AppError('NOT_FOUND', '找不到该授权书。')
    if (Number(result.numUpdatedRows) > 0) await recordAudit(trx, 'edit', 'letter', id, 'printed')
    return withStatus(trx, row)
  })
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
  relation: Awaited<ReturnType<typeof getRelation>>
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
export async function relationLetterData(
  db: Executor,
  input: {
    relationId: string
    packetId?: string | undefined
    validUntil?: string | null | undefined
    /** One letter for this trademark only (batch "one letter per trademark"). */
    trademarkId?: string | undefined
  },
  today: string,
): Promise<RelationLetterData> {
  const relation = await getRelation(db, input.relationId)
  const company = (id: string) =>
    db
      .selectFrom('companies')
      .select(['name', 'uscc', 'region'])
      .where('id', '=', id)
      .executeTakeFirst()
  const packetMarks = input.packetId
    ? new Set(
        (
          await db
            .selectFrom('packet_trademarks')
            .select('trademark_id')
            .where('packet_id', '=', input.packetId)
            .execute()
        ).map((r) => r.trademark_id),
      )
    : null
  const owners =
    relation.type === 'parent_subsidiary' ? [relation.from.id, relation.to.id] : [relation.from.id]
  const marks = (await listTrademarks(db)).filter(
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
    const idDocument = await personIdDocument(db, relation.from.id)
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
    const c = await company(relation.from.id)
    grantor = {
      kind: 'company',
      name: relation.from.name,
      uscc: c?.uscc ?? null,
      region: c?.region ?? 'domestic',
    }
  }
  const grantee = await company(relation.to.id)
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
  store: LibraryStore,
  files: FileStore,
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
  const stored = await files.put(pdf)
  return store.db.transaction().execute(async (trx) => {
    const at = now()
    await recordFileRow(trx, stored.sha256, facts, `${template}.pdf`)
    const id = newId('le')
    await trx
      .insertInto('letters')
      .values({
        id,
        relation_id: letter.relationId,
        packet_id: letter.packetId ?? null,
        requirement: letter.requirement,
        template,
        pdf_sha256: stored.sha256,
        status: 'generated',
        valid_from: validFrom,
        valid_until: validUntil,
        created_at: at,
        updated_at: at,
        updated_by: store.actor,
      })
      .execute()
    await recordAudit(trx, 'create', 'letter', id, template)
    const row = await trx
      .selectFrom('letters')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    return withStatus(trx, row)
  })
}

/**
 * Generate the letter a relation needs, with the trademarks the grantor holds
 * (those of the packet when one is given), store the PDF content-addressed
 * and record it as `generated`.
 */
export async function generateRelationLetter(
  store: LibraryStore,
  files: FileStore,
  input: {
    relationId: string
    packetId?: string | undefined
    validUntil?: string | null | undefined
    trademarkId?: string | undefined
  },
  today: string,
): Promise<LetterRecord> {
  const built = await relationLetterData(store.db, input, today)
  // The user's edited wording of this built-in template, when there is one.
  const wording = await userWording(store.db, built.template)
  const pdf = Buffer.from(
    await generateLetter(built.template, built.data, wording ? { template: wording } : {}),
  )
  return recordLetter(store, files, pdf, {
    relationId: built.relation.id,
    packetId: input.packetId,
    requirement: built.requirement,
    template: built.template,
    validFrom: built.validFrom,
    validUntil: built.validUntil,
  })
}
