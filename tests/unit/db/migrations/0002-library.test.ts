import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { migrate, schemaVersion } from '../../../../electron/services/db/open'
import { MIGRATIONS } from '../../../../electron/services/db/migrations'
import { tempDir } from '../../../helpers/temp'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

describe('migration 0002-library', () => {
  it('upgrades a version-1 database with data, keeping the data', () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const db = new Database(join(dir, 'db.sqlite'))
    db.pragma('foreign_keys = ON')
    migrate(db, MIGRATIONS.slice(0, 1))
    db.prepare("INSERT INTO settings (key, value) VALUES ('language', 'en')").run()
    migrate(db, MIGRATIONS.slice(0, 2))
    expect(schemaVersion(db)).toBe(2)
    expect(db.prepare('SELECT value FROM settings').get()).toEqual({ value: 'en' })
    const at = '2026-11-28T00:00:00Z'
    db.prepare(
      "INSERT INTO companies (id, name, region, created_at, updated_at) VALUES ('c1', '青禾', 'domestic', ?, ?)",
    ).run(at, at)
    db.prepare(
      `INSERT INTO trademarks (id, reg_no, text, registrant_company_id, status, created_at, updated_at)
       VALUES ('t1', '45678901', '青禾', 'c1', 'registered', ?, ?)`,
    ).run(at, at)
    // A trademark needs exactly one registrant; foreign keys hold.
    expect(() =>
      db
        .prepare(
          `INSERT INTO trademarks (id, reg_no, text, status, created_at, updated_at)
           VALUES ('t2', '1', 'x', 'registered', ?, ?)`,
        )
        .run(at, at),
    ).toThrow(/CHECK/)
    expect(() =>
      db
        .prepare(
          `INSERT INTO trademarks (id, reg_no, text, registrant_company_id, status, created_at, updated_at)
           VALUES ('t3', '1', 'x', 'nope', 'registered', ?, ?)`,
        )
        .run(at, at),
    ).toThrow(/FOREIGN KEY/)
    expect(() =>
      db
        .prepare(
          `INSERT INTO relations (id, type, from_person_id, to_company_id, created_at, updated_at)
           VALUES ('r1', 'general_agency', 'p', 'c1', ?, ?)`,
        )
        .run(at, at),
    ).toThrow()
    db.close()
  })
})
