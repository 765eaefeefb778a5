import { createHash, randomBytes } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  openSync,
  fsyncSync,
  closeSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  copyFileSync,
} from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { Database } from 'better-sqlite3'
import * as tar from 'tar'
import { AppError } from '../../../shared/errors'
import type { ContentStore } from '../files/content-store'
import { APP_VERSION } from '../version'
import { DATABASE, MANIFEST, type BackupManifest } from './manifest'
import { leftoverTag, sweepDeadLeftovers } from '../leftovers'

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex')
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

/** A backup's staging folder and archive while written: `.packetdesk-backup-HOST-PID-HEX[.tar]`. */
const backupLeftover = (): RegExp =>
  new RegExp(`^\\.packetdesk-backup-${leftoverTag()}-(\\d+)-[0-9a-f]{12}(?:\\.tar)?$`)

/**
 * 备份: the whole library in one archive, while the app runs — the database through SQLite's
 * online backup (a consistent snapshot), the stored files it refers to (each checked against its
 * name), and a manifest of every entry's size and SHA-256. Written beside the target under a
 * temporary name, fsynced and renamed: a backup is either complete or absent. An existing file
 * is never overwritten.
 */
export async function createBackup(
  db: Database,
  store: ContentStore,
  outFile: string,
): Promise<{ file: string; files: number; bytes: number }> {
  const target = resolve(outFile)
  if (existsSync(target)) {
    throw new AppError('CONFLICT', `备份文件已存在，不会覆盖：${target}`, 'out')
  }
  // What a backup killed half-way left in this folder (its process gone) goes first.
  sweepDeadLeftovers(dirname(target), backupLeftover())
  const staging = join(
    dirname(target),
    `.packetdesk-backup-${leftoverTag()}-${process.pid}-${randomBytes(6).toString('hex')}`,
  )
  mkdirSync(staging, { recursive: true, mode: 0o700 })
  const archive = `${staging}.tar`
  try {
    await db.backup(join(staging, DATABASE))
    // Read the snapshot through the same connection (and native build) as the library.
    db.prepare('ATTACH DATABASE ? AS snapshot').run(join(staging, DATABASE))
    let shas: string[]
    let version: number
    try {
      shas = db.prepare('SELECT sha256 FROM snapshot.files').pluck().all() as string[]
      version = db.pragma('snapshot.user_version', { simple: true }) as number
    } finally {
      db.prepare('DETACH DATABASE snapshot').run()
    }
    const files: BackupManifest['files'] = []
    for (const sha of shas) {
      const path = `files/${sha.slice(0, 2)}/${sha}`
      mkdirSync(join(staging, 'files', sha.slice(0, 2)), { recursive: true, mode: 0o700 })
      copyFileSync(store.path(sha), join(staging, path))
      const actual = sha256(join(staging, path))
      if (actual !== sha) {
        throw new AppError(
          'CONFLICT',
          `资料库中的一个文件已损坏（${sha.slice(0, 12)}…），备份未完成。请先运行 doctor 检查。`,
        )
      }
      files.push({ path, bytes: statSync(join(staging, path)).size, sha256: sha })
    }
    files.unshift({
      path: DATABASE,
      bytes: statSync(join(staging, DATABASE)).size,
      sha256: sha256(join(staging, DATABASE)),
    })
    const manifest: BackupManifest = {
      format: 1,
      app: APP_VERSION,
      schemaVersion: version,
      createdAt: new Date().toISOString(),
      files,
    }
    writeFileSync(join(staging, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, {
      mode: 0o600,
    })
    await tar.c({ file: archive, cwd: staging, portable: true }, [
      MANIFEST,
      ...files.map((f) => f.path),
    ])
    fsyncFile(archive)
    renameSync(archive, target)
    return { file: target, files: files.length - 1, bytes: statSync(target).size }
  } finally {
    rmSync(staging, { recursive: true, force: true })
    rmSync(archive, { force: true })
  }
}
