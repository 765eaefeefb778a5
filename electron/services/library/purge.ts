import { rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Database } from 'better-sqlite3'
import { AppError } from '../../../shared/errors'
import type { ContentStore } from '../files/content-store'
import { audit } from './audit'
import { TABLE, type DeletableKind } from './recycle'

/** Purge order for 清空回收站: what refers to a row goes before it. */
const ORDER: DeletableKind[] = ['document', 'relation', 'trademark', 'person', 'company']

/** Files no row refers to any more (documents, letters, templates), among `shas`. */
function unreferenced(db: Database, shas: string[]): string[] {
  const used = db.prepare(
    `SELECT 1 FROM documents WHERE file_sha256 = @sha
     UNION ALL SELECT 1 FROM letters WHERE pdf_sha256 = @sha
     UNION ALL SELECT 1 FROM letter_templates WHERE pdf_sha256 = @sha LIMIT 1`,
  )
  return [...new Set(shas)].filter((sha) => !used.get({ sha }))
}

/**
 * 彻底删除: a row in the recycle bin is erased for good — with its own deleted documents, a
 * relation's letters, and every stored file (and thumbnail) no other row still uses. ID scans
 * must be erasable. One transaction for the rows (a row something still refers to is refused
 * and nothing changes); the files go after the commit (a crash in between leaves orphans the
 * next start-up sweep removes).
 */
export function purgeDeleted(
  db: Database,
  store: ContentStore,
  dataDir: string,
  kind: DeletableKind,
  id: string,
): number {
  const freed = db.transaction(() => {
    const row = db
      .prepare(`SELECT 1 FROM ${TABLE[kind]} WHERE id = ? AND deleted_at IS NOT NULL`)
      .get(id)
    if (!row) throw new AppError('NOT_FOUND', '回收站中没有这条记录。')
    const shas: string[] = []
    const documents =
      kind === 'document'
        ? [id]
        : (
            db
              .prepare('SELECT id FROM documents WHERE owner_kind = ? AND owner_id = ?')
              .all(kind, id) as { id: string }[]
          ).map((d) => d.id)
    if (kind !== 'document' && documents.length > 0) {
      const live = db
        .prepare(
          'SELECT COUNT(*) AS n FROM documents WHERE owner_kind = ? AND owner_id = ? AND deleted_at IS NULL',
        )
        .get(kind, id) as { n: number }
      if (live.n > 0) throw new AppError('CONFLICT', '它还有未删除的文件，不能彻底删除。')
    }
    for (const documentId of documents) {
      const doc = db.prepare('SELECT file_sha256 FROM documents WHERE id = ?').get(documentId) as
        { file_sha256: string | null } | undefined
      if (doc?.file_sha256) shas.push(doc.file_sha256)
      db.prepare('DELETE FROM documents WHERE id = ?').run(documentId)
    }
    if (kind === 'relation') {
      const letters = db
        .prepare('SELECT pdf_sha256 FROM letters WHERE relation_id = ?')
        .all(id) as { pdf_sha256: string }[]
      shas.push(...letters.map((l) => l.pdf_sha256))
      db.prepare('DELETE FROM letters WHERE relation_id = ?').run(id)
    }
    if (kind !== 'document') {
      try {
        db.prepare(`DELETE FROM ${TABLE[kind]} WHERE id = ?`).run(id)
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
          throw new AppError(
            'CONFLICT',
            '还有其他记录（可能也在回收站中，或是资质包）引用它：请先彻底删除它们。',
          )
        }
        throw error
      }
    }
    const free = unreferenced(db, shas)
    for (const sha of free) db.prepare('DELETE FROM files WHERE sha256 = ?').run(sha)
    audit(db, 'purge', kind, id, `${free.length} file(s)`)
    return free
  })()
  for (const sha of freed) {
    store.remove(sha)
    for (const name of [`${sha}.jpg`, `${sha}.obscured.jpg`]) {
      rmSync(join(dataDir, 'thumbnails', name), { force: true })
    }
  }
  return 1
}

/** 清空回收站: purge everything that can be, in dependency order; say what was kept and why. */
export function emptyRecycleBin(
  db: Database,
  store: ContentStore,
  dataDir: string,
): { purged: number; kept: number } {
  let purged = 0
  let kept = 0
  for (const kind of ORDER) {
    const ids = (
      db.prepare(`SELECT id FROM ${TABLE[kind]} WHERE deleted_at IS NOT NULL`).all() as {
        id: string
      }[]
    ).map((r) => r.id)
    for (const id of ids) {
      try {
        purged += purgeDeleted(db, store, dataDir, kind, id)
      } catch (error) {
        if (!(error instanceof AppError)) throw error
        kept++
      }
    }
  }
  return { purged, kept }
}
