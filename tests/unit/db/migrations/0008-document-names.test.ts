import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { migrate, schemaVersion } from '../../../../electron/services/db/open'
import { MIGRATIONS } from '../../../../electron/services/db/migrations'
import { tempDir } from '../../../helpers/temp'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

describe('migration 0008-document-names', () => {
  it('gives existing documents the name of their file row', () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const db = new Database(join(dir, 'db.sqlite'))
    migrate(db, MIGRATIONS.slice(0, 7))
    const at = '2026-11-28T00:00:00Z'
    const sha = 'a'.repeat(64)
    db.prepare(
      "INSERT INTO companies (id, name, region, created_at, updated_at) VALUES ('c', 'C', 'domestic', ?, ?)",
    ).run(at, at)
    db.prepare(
      "INSERT INTO files (sha256, format, width, height, bytes, pages, color, original_name, imported_at) VALUES (?, 'jpeg', 1, 1, 1, 1, 1, '营业执照.jpg', ?)",
    ).run(sha, at)
    db.prepare(
      "INSERT INTO documents (id, requirement, owner_kind, owner_id, file_sha256, created_at, updated_at) VALUES ('d', 'x', 'company', 'c', ?, ?, ?)",
    ).run(sha, at, at)
    migrate(db, MIGRATIONS.slice(0, 8))
    expect(schemaVersion(db)).toBe(8)
    expect(db.prepare('SELECT original_name FROM documents').get()).toEqual({
      original_name: '营业执照.jpg',
    })
    db.close()
  })
})
