import { createHash, randomBytes } from 'node:crypto'
import {
  existsSync,
  lstatSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  mkdirSync,
  writeFileSync,
  openSync,
  fsyncSync,
  closeSync,
} from 'node:fs'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import Database from 'better-sqlite3'
import * as tar from 'tar'
import { AppError } from '../../../shared/errors'
import { assertNotNewer } from '../db/open'
import { LATEST_SCHEMA_VERSION } from '../db/migrations'
import { DATABASE, isBackupPath, MANIFEST, type BackupManifest } from './manifest'
import { leftoverTag, sweepDeadLeftovers } from '../leftovers'

const refuse = (reason: string) =>
  new AppError('INVALID_ARGUMENT', `备份文件无法使用：${reason}。现有资料库没有任何改动。`, 'file')

function listFiles(root: string): string[] {
  const out: string[] = []
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name)
      const info = lstatSync(path)
      if (info.isDirectory()) walk(path)
      else out.push(relative(root, path).split(sep).join('/'))
    }
  }
  walk(root)
  return out.sort()
}

/** Unpack and check everything before anything is replaced. */
async function unpackVerified(archive: string, into: string): Promise<BackupManifest> {
  const rejected: string[] = []
  try {
    await tar.x({
      file: archive,
      cwd: into,
      strict: true,
      // Only the manifest, the database and content-addressed files; no links, no other paths.
      filter: (path, entry) => {
        const ok =
          isBackupPath(path) ||
          ('type' in entry && entry.type === 'Directory' && /^files\/([0-9a-f]{2}\/)?$/.test(path))
        if (!ok) rejected.push(path)
        return ok && (!('type' in entry) || entry.type === 'File' || entry.type === 'Directory')
      },
    })
  } catch {
    throw refuse('文件已损坏或不完整（无法解开）')
  }
  if (rejected.length > 0) throw refuse(`含有不属于备份的内容（${rejected[0]?.slice(0, 80)}）`)
  let manifest: BackupManifest
  try {
    manifest = JSON.parse(readFileSync(join(into, MANIFEST), 'utf8')) as BackupManifest
  } catch {
    throw refuse('缺少清单（manifest.json）')
  }
  if (manifest.format !== 1 || !Array.isArray(manifest.files)) throw refuse('清单格式不认识')
  const present = listFiles(into).filter((p) => p !== MANIFEST)
  const listed = manifest.files.map((f) => f.path).sort()
  if (JSON.stringify(present) !== JSON.stringify(listed)) {
    throw refuse('内容与清单不符（文件缺失或多出）')
  }
  for (const file of manifest.files) {
    const data = readFileSync(join(into, file.path))
    const sha = createHash('sha256').update(data).digest('hex')
    if (data.length !== file.bytes || sha !== file.sha256) {
      throw refuse(`文件 ${file.path} 的大小或校验值与清单不符`)
    }
  }
  const db = new Database(join(into, DATABASE), { readonly: true, fileMustExist: true })
  try {
    const integrity = db.pragma('integrity_check', { simple: true })
    if (integrity !== 'ok') throw refuse('数据库完整性检查未通过')
    assertNotNewer(db.pragma('user_version', { simple: true }) as number, LATEST_SCHEMA_VERSION)
  } finally {
    db.close()
  }
  return manifest
}

/** What a restore replaces in the data folder; the lock files stay where they are. */
const LIBRARY_ENTRIES = [
  DATABASE,
  `${DATABASE}-wal`,
  `${DATABASE}-shm`,
  'files',
  'thumbnails',
  'cache',
]
const JOURNAL = 'restore-journal.json'

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

interface RestoreJournal {
  staging: string
  previous: string
  /** aside: moving the current library out; in: moving the restored one in. */
  phase: 'aside' | 'in'
}

function fsyncPath(path: string): void {
  let fd: number | undefined
  try {
    fd = openSync(path, 'r')
    fsyncSync(fd)
  } catch {
    // Directories cannot be opened for fsync on Windows; the rename is what matters there.
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}

/** Written, flushed and renamed into place, its folder flushed: it survives a power cut. */
function writeJournal(dataDir: string, journal: RestoreJournal): void {
  const path = join(dataDir, JOURNAL)
  writeFileSync(`${path}.tmp`, JSON.stringify(journal), { mode: 0o600 })
  fsyncPath(`${path}.tmp`)
  renameSync(`${path}.tmp`, path)
  fsyncPath(dataDir)
}

const sleepSync = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

/**
 * A rename that retries for a moment: on Windows a virus scanner or the search indexer may hold
 * a file open briefly, and the rename fails with EPERM / EBUSY until it lets go.
 */
function renameRetrying(from: string, to: string): void {
  for (let attempt = 0; ; attempt++) {
    try {
      renameSync(from, to)
      return
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (attempt >= 6 || (code !== 'EPERM' && code !== 'EBUSY' && code !== 'EACCES')) throw error
      sleepSync(50 * 2 ** attempt)
    }
  }
}

/** `to`, or beside it with a number when something is already there: never overwrite. */
function freeName(to: string): string {
  let candidate = to
  for (let n = 2; existsSync(candidate); n++) candidate = `${to}.${n}`
  return candidate
}

/**
 * Move the current library aside and the verified one in, entry by entry, under a journal: a
 * crash at any point is finished by the next open (finishInterruptedRestore) — the staged
 * library was verified, so rolling forward is always safe. The folder itself is never renamed:
 * the lock held inside it stays held (and Windows refuses to rename a folder with open files).
 * Nothing already in the previous folder is ever overwritten.
 */
function applyJournal(dataDir: string, journal: RestoreJournal): void {
  if (journal.phase === 'aside') {
    for (const name of LIBRARY_ENTRIES) {
      const from = join(dataDir, name)
      if (!existsSync(from)) continue
      mkdirSync(journal.previous, { recursive: true, mode: 0o700 })
      renameRetrying(from, freeName(join(journal.previous, name)))
    }
    journal = { ...journal, phase: 'in' }
    writeJournal(dataDir, journal)
  }
  for (const name of LIBRARY_ENTRIES) {
    const from = join(journal.staging, name)
    if (existsSync(from)) renameRetrying(from, join(dataDir, name))
  }
  rmSync(join(dataDir, JOURNAL), { force: true })
  rmSync(journal.staging, { recursive: true, force: true })
}

function readJournal(dataDir: string): RestoreJournal | null {
  const path = join(dataDir, JOURNAL)
  if (!existsSync(path)) return null
  try {
    const journal = JSON.parse(readFileSync(path, 'utf8')) as RestoreJournal
    if (typeof journal.staging !== 'string' || typeof journal.previous !== 'string') {
      throw new Error('journal fields')
    }
    return journal
  } catch {
    throw new AppError(
      'CONFLICT',
      `上次恢复被中断，且其记录文件已损坏（${path}）。资料库没有改动：恢复前的资料库在数据文件夹旁的 .before-restore- 文件夹中，请联系技术支持。`,
    )
  }
}

/** A restore cut short by a crash is completed; the data folder's writer calls this on open. */
export function finishInterruptedRestore(dataDir: string): boolean {
  const journal = readJournal(dataDir)
  if (!journal) return false
  try {
    applyJournal(dataDir, journal)
  } catch (error) {
    throw new AppError(
      'CONFLICT',
      `上次恢复被中断，现在无法完成（${(error as Error).message}）。请关闭占用数据文件夹的程序后重新启动。`,
    )
  }
  return true
}

/** A reader must not open a library that a restore is replacing: it could recreate it empty. */
export function assertNoRestorePending(dataDir: string): void {
  if (existsSync(join(dataDir, JOURNAL))) {
    throw new AppError(
      'CONFLICT',
      '资料库正在恢复（或恢复被中断），请稍后再试；打开程序会完成恢复。',
    )
  }
}

/** An archive unpacked and verified beside the data folder, ready to replace the library. */
export interface VerifiedBackup {
  staging: string
  files: number
}

/**
 * Unpack and verify the whole archive in a sibling folder (every entry against the manifest,
 * the database's integrity and version), leaving the library untouched — the app may keep
 * running meanwhile. A corrupted, truncated or foreign archive is refused and nothing remains.
 */
export async function verifyBackup(archive: string, dataDir: string): Promise<VerifiedBackup> {
  const target = resolve(dataDir)
  if (!existsSync(archive)) throw refuse('找不到该文件')
  // A verification killed half-way (its process gone) left its staging folder: removed first.
  // A staged library named in a restore journal is the journal's, finished on open instead.
  const journal = join(target, JOURNAL)
  const pending = existsSync(journal)
    ? (JSON.parse(readFileSync(journal, 'utf8')) as RestoreJournal).staging
    : null
  const prefix = `.${basename(target)}.restore-${leftoverTag()}-`
  sweepDeadLeftovers(
    dirname(target),
    new RegExp(`^${escapeRegExp(prefix)}(\\d+)-[0-9a-f]{12}$`),
    pending === null ? [] : [basename(pending)],
  )
  const staging = join(dirname(target), `${prefix}${process.pid}-${randomBytes(6).toString('hex')}`)
  mkdirSync(staging, { recursive: true, mode: 0o700 })
  try {
    const manifest = await unpackVerified(archive, staging)
    rmSync(join(staging, MANIFEST))
    return { staging, files: manifest.files.length - 1 }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true })
    throw error
  }
}

/**
 * 恢复, second step: with the database closed and the data folder's lock held by the caller,
 * move the current library aside (kept as `<folder>.before-restore-<time>`) and the verified
 * one into place.
 */
export function applyVerifiedBackup(
  verified: VerifiedBackup,
  dataDir: string,
): { dataDir: string; previous: string | null; files: number } {
  const target = resolve(dataDir)
  mkdirSync(target, { recursive: true, mode: 0o700 })
  const hasLibrary = LIBRARY_ENTRIES.some((name) => existsSync(join(target, name)))
  const previous = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`
  const journal: RestoreJournal = { staging: verified.staging, previous, phase: 'aside' }
  writeJournal(target, journal)
  try {
    applyJournal(target, journal)
  } catch (error) {
    const reason = (error as Error).message
    if (readJournal(target)?.phase === 'aside') {
      // Nothing restored is in place yet: put the current library back as it was.
      for (const name of LIBRARY_ENTRIES) {
        const moved = join(previous, name)
        if (existsSync(moved) && !existsSync(join(target, name)))
          renameSync(moved, join(target, name))
      }
      rmSync(join(target, JOURNAL), { force: true })
      discardVerified(verified)
      throw new AppError(
        'CONFLICT',
        `恢复失败：无法移动资料库中的文件（${reason}；可能被其他程序占用）。资料库保持恢复前的状态。`,
      )
    }
    throw new AppError(
      'CONFLICT',
      `恢复没有完成（${reason}）。请关闭并重新启动程序：启动时会按记录完成恢复。`,
    )
  }
  return { dataDir: target, previous: hasLibrary ? previous : null, files: verified.files }
}

/** A verified archive that will not be used after all. */
export function discardVerified(verified: VerifiedBackup): void {
  rmSync(verified.staging, { recursive: true, force: true })
}

/** Both steps, for the CLI (the app closed, the caller holding the lock). */
export async function restoreBackup(
  archive: string,
  dataDir: string,
): Promise<{ dataDir: string; previous: string | null; files: number }> {
  return applyVerifiedBackup(await verifyBackup(archive, dataDir), dataDir)
}
