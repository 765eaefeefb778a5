import { createHash, randomBytes } from 'node:crypto'
import {
  existsSync,
  lstatSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  mkdirSync,
} from 'node:fs'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import Database from 'better-sqlite3'
import * as tar from 'tar'
import { AppError } from '../../../shared/errors'
import { assertNotNewer } from '../db/open'
import { LATEST_SCHEMA_VERSION } from '../db/migrations'
import { DATABASE, isBackupPath, MANIFEST, type BackupManifest } from './manifest'

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

/**
 * 恢复: verify the whole archive in a sibling folder first (every entry against the manifest,
 * the database's integrity and version); only then move the current library aside (kept as
 * `<folder>.before-restore-<time>`) and the restored one into place. A corrupted, truncated or
 * foreign archive is refused and changes nothing. The caller holds the data folder's lock.
 */
export async function restoreBackup(
  archive: string,
  dataDir: string,
): Promise<{ dataDir: string; previous: string | null; files: number }> {
  const target = resolve(dataDir)
  if (!existsSync(archive)) throw refuse('找不到该文件')
  const staging = join(
    dirname(target),
    `.${basename(target)}.restore-${randomBytes(6).toString('hex')}`,
  )
  mkdirSync(staging, { recursive: true, mode: 0o700 })
  let manifest: BackupManifest
  try {
    manifest = await unpackVerified(archive, staging)
  } catch (error) {
    rmSync(staging, { recursive: true, force: true })
    throw error
  }
  let previous: string | null = null
  if (existsSync(target)) {
    previous = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`
    renameSync(target, previous)
  }
  rmSync(join(staging, MANIFEST))
  renameSync(staging, target)
  return { dataDir: target, previous, files: manifest.files.length - 1 }
}
