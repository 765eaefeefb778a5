import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Handlers } from '../../../shared/contract'
import { AppError } from '../../../shared/errors'
import { purposesFor, requirementLabel } from '../../../shared/rules/requirement-derive'
import { importFile, type ImportedFile } from '../files/import'
import { renderPdfIsolated, thumbnailIsolated } from '../workers/isolated'
import type { FileFormat } from '../files/inspect'
import {
  assertOwnerExists,
  getDocument,
  insertDocument,
  listDocuments,
  preferDocument,
  updateDocumentDates,
} from '../library/documents'
import { auditIdReveal, idScanOwners } from '../library/audit'
import { recordFileRow } from '../library/file-rows'
import { cachedFacts, rememberFacts } from '../storage/cached-facts'
import { isConnectionError } from '../team/link'
import type { BackendContext } from './context'
import { readingSummary } from './reading'

type FileMethods =
  | 'documents.list'
  | 'documents.import'
  | 'documents.prefer'
  | 'documents.update'
  | 'files.thumbnail'
  | 'files.view'

export function fileHandlers(ctx: BackendContext): Pick<Handlers, FileMethods> {
  const { library, files } = ctx
  const db = library.db
  const thumbsDir = join(ctx.dataDir, 'thumbnails')

  /** A thumbnail into the cache: temp, rename (thumbnails of ID scans are personal data too). */
  const cacheThumbnail = (path: string, thumb: Buffer): void => {
    mkdirSync(thumbsDir, { recursive: true, mode: 0o700 })
    const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
    writeFileSync(temp, thumb, { mode: 0o600 })
    renameSync(temp, path)
  }

  const team = library.engine === 'postgres'
  const cacheDir = ctx.store.root

  /** The file's facts and the persons whose ID scan it is (from the library, or offline). */
  const fileFacts = async (sha256: string) => {
    try {
      const row = await db
        .selectFrom('files')
        .select(['format', 'pages', 'width', 'height'])
        .where('sha256', '=', sha256)
        .executeTakeFirst()
      if (!row || !(await files.has(sha256))) {
        throw new AppError('NOT_FOUND', '文件不存在（可能已被移除）。')
      }
      const owners = await idScanOwners(db, sha256)
      if (team) rememberFacts(cacheDir, sha256, { ...row, idScan: owners.length > 0 })
      return { ...row, owners, offline: false }
    } catch (error) {
      // The team server is away: a file shown before opens from the cache, read-only.
      const cached = team && isConnectionError(error) ? cachedFacts(cacheDir, sha256) : null
      if (!cached || !ctx.store.has(sha256)) throw error
      return { ...cached, owners: cached.idScan ? ['(offline)'] : [], offline: true }
    }
  }

  return {
    'documents.list': async ({ ownerKind, ownerId }) =>
      (await listDocuments(db, ownerKind, ownerId)).map((doc) => ({
        ...doc,
        reading: readingSummary(ctx, doc),
      })),

    /**
     * Inspect first (refusals store nothing), then write the file
     * content-addressed (temp, fsync, rename), then the rows in one transaction.
     */
    'documents.import': async (input) => {
      // The requirements table says what a document on this kind of owner can serve.
      if (!purposesFor(input.ownerKind).includes(input.requirement)) {
        throw new AppError(
          'INVALID_ARGUMENT',
          `参数无效：字段 requirement：“${requirementLabel(input.requirement)}”不能归属于这类记录`,
          'requirement',
        )
      }
      await assertOwnerExists(db, input.ownerKind, input.ownerId)
      const bytes = Buffer.from(input.dataBase64, 'base64')
      let document: Awaited<ReturnType<typeof insertDocument>> | undefined
      // A refused row takes back a file this import stored (maybe an ID scan): importFile.
      const record = async (stored: ImportedFile): Promise<void> => {
        document = await db.transaction().execute(async (trx) => {
          // The same bytes again on the same record: say so, add no second card (issue 13 item 6).
          const same = await trx
            .selectFrom('documents')
            .select(['requirement', 'original_name'])
            .where('owner_kind', '=', input.ownerKind)
            .where('owner_id', '=', input.ownerId)
            .where('file_sha256', '=', stored.sha256)
            .where('deleted_at', 'is', null)
            .executeTakeFirst()
          if (same) {
            const name = same.original_name ? `“${same.original_name}”，` : ''
            throw new AppError(
              'CONFLICT',
              `这份文件已经导入在这条记录上（${name}${requirementLabel(same.requirement)}），没有重复添加。`,
            )
          }
          await recordFileRow(trx, stored.sha256, stored.facts, input.fileName)
          return insertDocument(trx, library.actor, {
            requirement: input.requirement,
            ownerKind: input.ownerKind,
            ownerId: input.ownerId,
            subject: input.subject,
            catalogName: input.catalogName,
            fileSha256: stored.sha256,
            originalName: input.fileName,
            issuedOn: input.issuedOn,
            validUntil: input.validUntil,
          })
        })
      }
      const stored = await importFile(files, bytes, { fileName: input.fileName }, record)
      if (!document) throw new AppError('INTERNAL', '导入未完成。')
      const { facts, thumbnail } = stored
      // The list's thumbnail, from the inspection's decode (no second decode when the list shows
      // it). An ID scan's is made blurred on request instead (files.thumbnail).
      const plain = join(thumbsDir, `${stored.sha256}.jpg`)
      if (thumbnail.length > 0 && !existsSync(plain)) {
        if ((await idScanOwners(db, stored.sha256)).length === 0) cacheThumbnail(plain, thumbnail)
      }
      // Reading starts after the import, in the background (issue 12); the document is saved
      // whatever the reading finds.
      ctx.reading?.enqueue(stored.sha256, facts.format)
      return { ...document, reading: readingSummary(ctx, document) }
    },

    'documents.prefer': async ({ id }) => {
      const document = await preferDocument(library, id)
      return { ...document, reading: readingSummary(ctx, document) }
    },

    'documents.update': async ({ id, ...dates }) => {
      await getDocument(db, id)
      return updateDocumentDates(library, id, dates)
    },

    'files.thumbnail': async ({ sha256 }) => {
      const row = await fileFacts(sha256)
      // An ID scan's thumbnail is blurred: its number is read only by opening the scan
      // (files.view), which is audited as a reveal — a list of thumbnails is not.
      const obscured = row.owners.length > 0
      const plain = join(thumbsDir, `${sha256}.jpg`)
      const cached = obscured ? join(thumbsDir, `${sha256}.obscured.jpg`) : plain
      if (obscured) rmSync(plain, { force: true })
      if (!existsSync(cached)) {
        const bytes = await files.read(sha256)
        const thumb = await thumbnailIsolated(bytes, row.format as FileFormat, undefined, obscured)
        cacheThumbnail(cached, thumb)
      }
      return {
        dataUrl: `data:image/jpeg;base64,${readFileSync(cached).toString('base64')}`,
        obscured,
      }
    },

    'files.view': async ({ sha256, page }) => {
      const row = await fileFacts(sha256)
      if (row.offline && row.owners.length > 0) {
        // Viewing an ID scan is an audited reveal, and the audit log is on the server.
        throw new AppError(
          'UNAVAILABLE',
          '团队资料库暂时连接不上：身份证件扫描件要在连接恢复后才能查看（每次查看都会记入审计日志）。',
        )
      }
      // An ID scan shows the full number: viewing it is a reveal, audited like one.
      for (const personId of row.owners) {
        await auditIdReveal(db, personId, 'scan viewed')
      }
      const bytes = await files.read(sha256)
      if (row.format === 'pdf') {
        if (page > row.pages)
          throw new AppError('INVALID_ARGUMENT', `该文件只有 ${row.pages} 页`, 'page')
        const pages = await renderPdfIsolated(bytes, { scale: 1.5, firstPage: page, maxPages: 1 })
        const rendered = pages[0]
        if (!rendered) throw new AppError('NOT_FOUND', '无法渲染该页。')
        return {
          dataUrl: `data:image/png;base64,${rendered.png.toString('base64')}`,
          pages: row.pages,
          width: rendered.width,
          height: rendered.height,
        }
      }
      const size = { width: row.width, height: row.height }
      // Always a JPEG rendering with EXIF orientation applied (TIFF is not viewable in browsers).
      const data = await thumbnailIsolated(bytes, row.format as FileFormat, 2400)
      return { dataUrl: `data:image/jpeg;base64,${data.toString('base64')}`, pages: 1, ...size }
    },
  }
}
