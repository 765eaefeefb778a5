import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { migrate, schemaVersion } from '../../../../electron/services/db/open'
import { MIGRATIONS } from '../../../../electron/services/db/migrations'
import { tempDir } from '../../../helpers/temp'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

describe('migration 0001-settings', () => {
  it('takes an empty database (version 0) to version 1 with a usable settings table', () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const db = new Database(join(dir, 'db.sqlite'))
    expect(schemaVersion(db)).toBe(0)
    migrate(db, MIGRATIONS.slice(0, 1))
    expect(schemaVersion(db)).toBe(1)
    db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('language', 'en')
    expect(db.prepare('SELECT value FROM settings WHERE key = ?').get('language')).toEqual({
      value: 'en',
    })
    // STRICT table: a blob is refused rather than stored in a text column.
    expect(() =>
      db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('x', Buffer.from('x')),
    ).toThrow()
    db.close()
  })
})
