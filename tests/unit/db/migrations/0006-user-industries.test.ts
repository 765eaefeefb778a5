import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { migrate, schemaVersion } from '../../../../electron/services/db/open'
import { MIGRATIONS } from '../../../../electron/services/db/migrations'
import { tempDir } from '../../../helpers/temp'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

describe('migration 0006-user-industries', () => {
  it('adds the user catalog table to a version-5 library, keeping its data', () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const db = new Database(join(dir, 'db.sqlite'))
    migrate(db, MIGRATIONS.slice(0, 5))
    db.prepare("INSERT INTO settings (key, value) VALUES ('language', 'en')").run()
    migrate(db, MIGRATIONS.slice(0, 6))
    expect(schemaVersion(db)).toBe(6)
    expect(db.prepare('SELECT value FROM settings').get()).toEqual({ value: 'en' })
    expect(() =>
      db
        .prepare(
          "INSERT INTO user_industries (primary_name, secondary_name, entry, updated_at) VALUES ('a', 'b', 'not json', 'x')",
        )
        .run(),
    ).toThrow()
    db.close()
  })
})
