import { AppError } from '../../../shared/errors'
import type { FileInfo, LibraryDocument, OwnerKind } from '../../../shared/library/schemas'
import { isAvatarSlot, type PacketDocumentScope } from '../../../shared/rules/requirement-derive'
import type { Executor, LibraryStore } from '../storage/library-store'
import { onPostgres } from '../storage/locks'
import { updateVersioned } from '../storage/versioned'
import { recordAudit } from './audit'
import { newId, now } from './ids'
import { getRelation } from './relations'

/** Documents with their file's facts, live rows only (on the storage port). */
function selectDocuments(db: Executor) {
  return db
    .selectFrom('documents as d')
    .leftJoin('files as f', 'f.sha256', 'd.file_sha256')
    .selectAll('d')
    .select([
      'f.format as f_format',
      'f.width as f_width',
      'f.height as f_height',
      'f.bytes as f_bytes',
      'f.pages as f_pages',
      'f.color as f_color',
    ])
    .where('d.deleted_at', 'is', null)
}

type DocumentRow = Awaited<
  ReturnType<ReturnType<typeof selectDocuments>['executeTakeFirstOrThrow']>
>

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
        originalName: row.original_name,
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
    preferredAt: row.preferred_at,
    version: row.version,
  }
}

/** Oldest first (created_at, then id: the same order on both engines). */
export async function listDocuments(
  db: Executor,
  ownerKind: OwnerKind,
  ownerId: string,
): Promise<LibraryDocument[]> {
  const rows = await selectDocuments(db)
    .where('d.owner_kind', '=', ownerKind)
    .where('d.owner_id', '=', ownerId)
    .orderBy('d.created_at')
    .orderBy('d.id')
    .execute()
  return rows.map(toDocument)
}

/**
 * The live documents owned by any of `ownerIds` (a packet's scope: itself, its applicant,
 * trademarks, parties, relations), oldest first — not the whole library, which may hold
 * 100,000 documents (bench list).
 */
export async function listDocumentsOwnedBy(
  db: Executor,
  ownerIds: readonly string[],
): Promise<LibraryDocument[]> {
  const ids = [...new Set(ownerIds)]
  if (ids.length === 0) return []
  const rows = await selectDocuments(db)
    .where('d.owner_kind', 'in', Object.keys(OWNER_TABLES) as OwnerKind[])
    .where('d.owner_id', 'in', ids)
    .orderBy('d.created_at')
    .orderBy('d.id')
    .execute()
  return rows.map(toDocument)
}

/**
 * The live documents that can serve a packet of this scope, oldest first: each owner asked for
 * as the role it plays (the requirements table's owner rule, documentServesPacket, which the
 * caller still applies), so a party's papers no packet uses (a registrant company's own
 * licences, hundreds on a big library) are never read.
 */
export async function listDocumentsServing(
  db: Executor,
  scope: PacketDocumentScope,
): Promise<LibraryDocument[]> {
  const roles: [OwnerKind, string[]][] = [
    ['packet', [scope.packetId]],
    ['company', [scope.applicantId]],
    ['trademark', [...scope.trademarkIds]],
    ['person', [...scope.partyIds]],
    ['relation', [...scope.relationIds]],
  ]
  const wanted = roles.filter(([, ids]) => ids.length > 0)
  const rows = await selectDocuments(db)
    .where((eb) =>
      eb.or(
        wanted.map(([kind, ids]) =>
          eb.and([eb('d.owner_kind', '=', kind), eb('d.owner_id', 'in', ids)]),
        ),
      ),
    )
    .orderBy('d.created_at')
    .orderBy('d.id')
    .execute()
  return rows.map(toDocument)
}

export async function listAllDocuments(db: Executor): Promise<LibraryDocument[]> {
  const rows = await selectDocuments(db).orderBy('d.created_at').orderBy('d.id').execute()
  return rows.map(toDocument)
}

export async function getDocument(db: Executor, id: string): Promise<LibraryDocument> {
  const row = await selectDocuments(db).where('d.id', '=', id).executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', '找不到该文件记录（可能已被删除）。')
  return toDocument(row)
}

/** The plan subject (RULES.md §3) a document on this owner serves. */
async function subjectFor(
  db: Executor,
  ownerKind: OwnerKind,
  ownerId: string,
  explicit?: string,
): Promise<string> {
  if (ownerKind === 'trademark' || ownerKind === 'person') return ownerId
  if (ownerKind === 'relation') {
    const relation = await getRelation(db, ownerId)
    if (relation.type === 'parent_subsidiary')
      return [relation.from.id, relation.to.id].sort().join('<->')
    return `${relation.from.id}->${relation.to.id}`
  }
  return explicit ?? ''
}

export const OWNER_TABLES = {
  company: 'companies',
  person: 'persons',
  trademark: 'trademarks',
  relation: 'relations',
  packet: 'packets',
} as const satisfies Record<OwnerKind, string>

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

export async function assertOwnerExists(
  db: Executor,
  ownerKind: OwnerKind,
  ownerId: string,
): Promise<void> {
  const row = await db
    .selectFrom(OWNER_TABLES[ownerKind])
    .select('id')
    .where('id', '=', ownerId)
    .where('deleted_at', 'is', null)
    // Held until the document commits: a clerk deleting the owner meanwhile waits.
    .$if(onPostgres(db), (qb) => qb.forShare())
    .executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', '文件要归属的记录不存在或已被删除。')
}

/** Insert a document row (the file row must already exist, same transaction as the caller's). */
export async function insertDocument(
  db: Executor,
  actor: string,
  doc: NewDocument,
): Promise<LibraryDocument> {
  await assertOwnerExists(db, doc.ownerKind, doc.ownerId)
  const id = newId('do')
  const at = now()
  await db
    .insertInto('documents')
    .values({
      id,
      requirement: doc.requirement,
      owner_kind: doc.ownerKind,
      owner_id: doc.ownerId,
      subject: await subjectFor(db, doc.ownerKind, doc.ownerId, doc.subject),
      catalog_name: doc.catalogName ?? null,
      file_sha256: doc.fileSha256,
      issued_on: doc.issuedOn ?? null,
      valid_until: doc.validUntil ?? null,
      notes: doc.notes ?? '',
      created_at: at,
      updated_at: at,
      updated_by: actor,
      original_name: (doc.originalName ?? '').normalize('NFC').slice(0, 255),
    })
    .execute()
  await recordAudit(db, 'import', 'document', id, doc.requirement)
  return getDocument(db, id)
}

export async function updateDocumentDates(
  store: LibraryStore,
  id: string,
  dates: {
    issuedOn?: string | null | undefined
    validUntil?: string | null | undefined
    notes?: string | undefined
    version?: number | undefined
  },
): Promise<LibraryDocument> {
  return store.db.transaction().execute(async (trx) => {
    const current = await getDocument(trx, id)
    await updateVersioned(trx, 'documents', id, dates.version, {
      issued_on: dates.issuedOn === undefined ? current.issuedOn : dates.issuedOn,
      valid_until: dates.validUntil === undefined ? current.validUntil : dates.validUntil,
      notes: dates.notes ?? current.notes,
      updated_at: now(),
      updated_by: store.actor,
    })
    await recordAudit(trx, 'edit', 'document', id)
    return getDocument(trx, id)
  })
}

/**
 * The clerk chooses this document as the one to use among several of its kind: for now a packet's
 * avatar (issue 13 item 6; shared/library/avatar-choice.ts picks by the latest choice).
 */
export async function preferDocument(store: LibraryStore, id: string): Promise<LibraryDocument> {
  return store.db.transaction().execute(async (trx) => {
    const current = await getDocument(trx, id)
    if (!isAvatarSlot(current.requirement) || !current.file) {
      throw new AppError('INVALID_ARGUMENT', '只有带文件的账号头像可以选为导出所用。')
    }
    const at = now()
    await updateVersioned(trx, 'documents', id, undefined, {
      preferred_at: at,
      updated_at: at,
      updated_by: store.actor,
    })
    await recordAudit(trx, 'edit', 'document', id, 'preferred')
    return getDocument(trx, id)
  })
}
