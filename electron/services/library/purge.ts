import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { sql } from 'kysely'
import { AppError } from '../../../shared/errors'
import type { FileStore } from '../storage/file-store'
import type { Executor, LibraryStore } from '../storage/library-store'
import { ReadCache } from '../reading/read-cache'
import { recordAudit } from './audit'
import { TABLE, type DeletableKind } from './recycle'

/** Purge order for 清空回收站: what refers to a row goes before it. */
const ORDER: DeletableKind[] = ['document', 'packet', 'relation', 'trademark', 'person', 'company']

/** Files no row refers to any more (documents, letters, templates), among `shas`. */
async function unreferenced(db: Executor, shas: string[]): Promise<string[]> {
  const free: string[] = []
  for (const sha of new Set(shas)) {
    const used = await db
      .selectFrom('documents')
      .select('id')
      .where('file_sha256', '=', sha)
      .unionAll(db.selectFrom('letters').select('id').where('pdf_sha256', '=', sha))
      .unionAll(db.selectFrom('letter_templates').select('id').where('pdf_sha256', '=', sha))
      .limit(1)
      .executeTakeFirst()
    if (!used) free.push(sha)
  }
  return free
}

/**
 * On the team library only an administrator erases stored files (team/init.ts GRANTs); a
 * clerk's purge erases the rows and leaves the unreferenced files for the administrator's.
 */
async function mayEraseFiles(store: LibraryStore, db: Executor): Promise<boolean> {
  if (store.engine === 'sqlite') return true
  const { rows } = await sql<{
    ok: boolean
  }>`SELECT has_table_privilege('files', 'DELETE') AS ok`.execute(db)
  return rows[0]?.ok === true
}

const isForeignKeyViolation = (error: unknown): boolean => {
  const code = (error as { code?: string }).code
  return code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503'
}

/**
 * 彻底删除: a row in the recycle bin is erased for good — with its own deleted documents, a
 * relation's letters, and every stored file (and thumbnail) no other row still uses. ID scans
 * must be erasable. One transaction for the rows (a row something still refers to is refused
 * and nothing changes); the files go after the commit (a crash in between leaves orphans the
 * next start-up sweep removes).
 */
export async function purgeDeleted(
  store: LibraryStore,
  files: FileStore,
  dataDir: string,
  kind: DeletableKind,
  id: string,
): Promise<number> {
  const freed = await store.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom(TABLE[kind])
      .select('id')
      .where('id', '=', id)
      .where('deleted_at', 'is not', null)
      .executeTakeFirst()
    if (!row) throw new AppError('NOT_FOUND', '回收站中没有这条记录。')
    const shas: string[] = []
    const documents =
      kind === 'document'
        ? [id]
        : (
            await trx
              .selectFrom('documents')
              .select(['id', 'deleted_at'])
              .where('owner_kind', '=', kind)
              .where('owner_id', '=', id)
              .execute()
          ).map((d) => {
            // A packet's own documents (its avatar) were in the bin with it.
            if (d.deleted_at === null && kind !== 'packet') {
              throw new AppError('CONFLICT', '它还有未删除的文件，不能彻底删除。')
            }
            return d.id
          })
    for (const documentId of documents) {
      const doc = await trx
        .selectFrom('documents')
        .select('file_sha256')
        .where('id', '=', documentId)
        .executeTakeFirst()
      if (doc?.file_sha256) shas.push(doc.file_sha256)
      await trx.deleteFrom('documents').where('id', '=', documentId).execute()
      // The text read from its scan leaves the search index with it (issue 12).
      await store.search.unindex(trx, 'document', documentId)
    }
    if (kind === 'relation') {
      const letters = await trx
        .selectFrom('letters')
        .select('pdf_sha256')
        .where('relation_id', '=', id)
        .execute()
      shas.push(...letters.map((l) => l.pdf_sha256))
      await trx.deleteFrom('letters').where('relation_id', '=', id).execute()
    }
    if (kind === 'packet') {
      // Its history goes with it; letters stay with their relation, no longer naming it.
      await trx
        .updateTable('letters')
        .set({ packet_id: null })
        .where('packet_id', '=', id)
        .execute()
      await trx.deleteFrom('submissions').where('packet_id', '=', id).execute()
      await trx.deleteFrom('packet_exports').where('packet_id', '=', id).execute()
      await trx.deleteFrom('packet_trademarks').where('packet_id', '=', id).execute()
    }
    if (kind !== 'document') {
      try {
        await trx.deleteFrom(TABLE[kind]).where('id', '=', id).execute()
      } catch (error) {
        if (isForeignKeyViolation(error)) {
          throw new AppError(
            'CONFLICT',
            '还有其他记录（可能也在回收站中，或是资质包）引用它：请先彻底删除它们。',
          )
        }
        throw error
      }
    }
    const free = (await mayEraseFiles(store, trx)) ? await unreferenced(trx, shas) : []
    for (const sha of free) await trx.deleteFrom('files').where('sha256', '=', sha).execute()
    await recordAudit(trx, 'purge', kind, id, `${free.length} file(s)`)
    return free
  })
  for (const sha of freed) {
    await files.remove(sha)
    for (const name of [`${sha}.jpg`, `${sha}.obscured.jpg`]) {
      rmSync(join(dataDir, 'thumbnails', name), { force: true })
    }
    // What the scan said (issue 12's read cache) is erased with it: an ID scan's read holds
    // the number.
    new ReadCache(dataDir).remove(sha)
  }
  return 1
}

/** 清空回收站: purge everything that can be, in dependency order; say what was kept and why. */
export async function emptyRecycleBin(
  store: LibraryStore,
  files: FileStore,
  dataDir: string,
): Promise<{ purged: number; kept: number }> {
  let purged = 0
  let kept = 0
  for (const kind of ORDER) {
    const ids = (
      await store.db
        .selectFrom(TABLE[kind])
        .select('id')
        .where('deleted_at', 'is not', null)
        .execute()
    ).map((r) => r.id)
    for (const id of ids) {
      try {
        purged += await purgeDeleted(store, files, dataDir, kind, id)
      } catch (error) {
        if (!(error instanceof AppError)) throw error
        kept++
      }
    }
  }
  return { purged, kept }
}
