import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { migrate, schemaVersion } from '../../../../electron/services/db/open'
import { MIGRATIONS } from '../../../../electron/services/db/migrations'
import { tempDir } from '../../../helpers/temp'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

describe('migration 0005-letters', () => {
  it('adds letters to a version-4 library, keeping its relations, and checks references', () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const db = new Database(join(dir, 'db.sqlite'))
    db.pragma('foreign_keys = ON')
    migrate(db, MIGRATIONS.slice(0, 4))
    const at = '2026-11-28T00:00:00Z'
    db.prepare(
      "INSERT INTO companies (id, name, region, created_at, updated_at) VALUES ('a', 'A', 'domestic', ?, ?)",
    ).run(at, at)
    db.prepare(
      "INSERT INTO companies (id, name, region, created_at, updated_at) VALUES ('b', 'B', 'domestic', ?, ?)",
    ).run(at, at)
    db.prepare(
      "INSERT INTO relations (id, type, from_company_id, to_company_id, created_at, updated_at) VALUES ('r', 'authorization', 'a', 'b', ?, ?)",
    ).run(at, at)
    migrate(db, MIGRATIONS.slice(0, 5))
    expect(schemaVersion(db)).toBe(5)
    expect(db.prepare('SELECT COUNT(*) AS n FROM relations').get()).toEqual({ n: 1 })
    expect(() =>
      db
        .prepare(
          `INSERT INTO letters (id, relation_id, requirement, template, pdf_sha256, status, valid_from, valid_until, created_at, updated_at)
           VALUES ('l', 'r', 'authorization_letter', 't', ?, 'generated', '2026-11-28', '2027-11-27', ?, ?)`,
        )
        .run('0'.repeat(64), at, at),
    ).toThrow(/FOREIGN KEY/)
    db.close()
  })
})
