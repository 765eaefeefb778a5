import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { migrate, schemaVersion } from '../../../../electron/services/db/open'
import { MIGRATIONS } from '../../../../electron/services/db/migrations'
import { tempDir } from '../../../helpers/temp'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

describe('migration 0009-template-wording', () => {
  it('adds the wording table to a version-8 library, keeping its data', () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const db = new Database(join(dir, 'db.sqlite'))
    migrate(db, MIGRATIONS.slice(0, 8))
    db.prepare("INSERT INTO settings (key, value) VALUES ('language', 'en')").run()
    migrate(db, MIGRATIONS.slice(0, 9))
    expect(schemaVersion(db)).toBe(9)
    expect(db.prepare('SELECT value FROM settings').get()).toEqual({ value: 'en' })
    expect(() =>
      db
        .prepare(
          "INSERT INTO template_wording (name, template, updated_at) VALUES ('x', 'nope', 'now')",
        )
        .run(),
    ).toThrow()
    db.close()
  })
})
