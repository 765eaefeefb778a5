import { CompiledQuery, type Kysely } from 'kysely'
import { AppError } from '../../../shared/errors'
import { sha256Of, type ContentStore, type StagedFile } from '../files/content-store'
import type { LibraryTables } from './tables'

/**
 * Where a library's stored files (scans, letters, templates) live, by the SHA-256 of their
 * bytes: the data folder's `files/` for the embedded library; blobs in the team database, read
 * through a local cache, for the team library. Put a file before the row that refers to it.
 */
export interface FileStore {
  put(bytes: Buffer): Promise<{ sha256: string; existed: boolean }>
  /**
   * The bytes written to a local temp file (an import's worker reads them there), stored only by
   * `commit`; `discard` forgets them.
   */
  stage(bytes: Buffer): Promise<StagedImport>
  /** The bytes, verified against their name: a damaged copy is never used silently. */
  read(sha256: string): Promise<Buffer>
  has(sha256: string): Promise<boolean>
  /** Forget a file no row refers to (the caller checked). */
  remove(sha256: string): Promise<void>
}

interface StagedImport {
  sha256: string
  /** The local file holding the bytes until commit or discard. */
  path: string
  commit(): Promise<{ sha256: string; existed: boolean }>
  discard(): Promise<void>
}

/** A staged file of a local content store, stored by `store` when committed. */
async function stageIn(
  cache: ContentStore,
  bytes: Buffer,
  store: (staged: StagedFile) => Promise<{ sha256: string; existed: boolean }>,
): Promise<StagedImport> {
  const staged = await cache.stage(bytes)
  return {
    sha256: staged.sha256,
    path: staged.temp,
    commit: () => store(staged),
    discard: () => cache.discard(staged),
  }
}

/** The embedded library's `files/` folder (temp, fsync, rename: files/content-store.ts). */
export function localFileStore(files: ContentStore): FileStore {
  return {
    put: (bytes) => files.put(bytes),
    stage: (bytes) => stageIn(files, bytes, (staged) => files.commit(staged)),
    read: (sha256) => files.read(sha256),
    has: (sha256) => Promise.resolve(files.has(sha256)),
    remove: (sha256) => Promise.resolve(files.remove(sha256)),
  }
}

/**
 * The team library's blobs (team migration 0002: sha256-checked by the server), with a local
 * read-through cache in the clerk's data folder: a file read once opens again without the
 * server, and is checked against its name on every read from either place.
 */
export function teamFileStore(db: Kysely<LibraryTables>, cache: ContentStore): FileStore {
  const fromServer = async (sha256: string): Promise<Buffer | null> => {
    const result = await db.executeQuery<{ bytes: Buffer }>(
      CompiledQuery.raw('SELECT bytes FROM blobs WHERE sha256 = $1', [sha256]),
    )
    return result.rows[0]?.bytes ?? null
  }
  const insertBlob = async (sha256: string, bytes: Buffer): Promise<boolean> => {
    const result = await db.executeQuery(
      CompiledQuery.raw(
        'INSERT INTO blobs (sha256, bytes) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING',
        [sha256, bytes],
      ),
    )
    return Number(result.numAffectedRows ?? 0n) === 0
  }
  return {
    async put(bytes) {
      const sha256 = sha256Of(bytes)
      const existed = await insertBlob(sha256, bytes)
      await cache.put(bytes)
      return { sha256, existed }
    },
    stage: (bytes) =>
      stageIn(cache, bytes, async (staged) => {
        const existed = await insertBlob(staged.sha256, bytes)
        await cache.commit(staged)
        return { sha256: staged.sha256, existed }
      }),
    async read(sha256) {
      if (cache.has(sha256)) {
        try {
          return await cache.read(sha256)
        } catch {
          // A damaged cached copy: fetch it again from the server below.
          cache.remove(sha256)
        }
      }
      const bytes = await fromServer(sha256)
      if (!bytes) throw new AppError('NOT_FOUND', '文件不存在（可能已被移除）。')
      if (sha256Of(bytes) !== sha256) {
        throw new AppError(
          'INTERNAL',
          '团队资料库中的文件已损坏（内容与校验值不符），请重新导入原文件。',
        )
      }
      await cache.put(bytes)
      return bytes
    },
    async has(sha256) {
      if (cache.has(sha256)) return true
      const result = await db.executeQuery(
        CompiledQuery.raw('SELECT 1 FROM blobs WHERE sha256 = $1', [sha256]),
      )
      return result.rows.length > 0
    },
    async remove(sha256) {
      cache.remove(sha256)
      // Clerks may not delete blobs (GRANTs, team/init.ts): an administrator's purge erases
      // them; for a clerk the unreferenced blob stays until then. A blob another clerk's import
      // has just referenced again stays too (the foreign key refuses): never an error here —
      // the caller's work (a purge, a refused import) is done either way.
      try {
        const allowed = await db.executeQuery<{ ok: boolean }>(
          CompiledQuery.raw("SELECT has_table_privilege('blobs', 'DELETE') AS ok"),
        )
        if (!allowed.rows[0]?.ok) return
        await db.executeQuery(
          CompiledQuery.raw(
            'DELETE FROM blobs WHERE sha256 = $1 AND NOT EXISTS (SELECT 1 FROM files WHERE sha256 = $1)',
            [sha256],
          ),
        )
      } catch {
        // Left for the administrator's purge; team doctor counts unreferenced blobs.
      }
    },
  }
}
