import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { migrate, schemaVersion } from '../../../../electron/services/db/open'
import { MIGRATIONS } from '../../../../electron/services/db/migrations'
import { tempDir } from '../../../helpers/temp'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

const SHA = 'a'.repeat(64)

describe('migration 0007-letter-templates', () => {
  it('adds the template table to a version-6 library, keeping its data', () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const db = new Database(join(dir, 'db.sqlite'))
    db.pragma('foreign_keys = ON')
    migrate(db, MIGRATIONS.slice(0, 6))
    db.prepare("INSERT INTO settings (key, value) VALUES ('language', 'en')").run()
    db.prepare(
      `INSERT INTO files (sha256, format, width, height, bytes, pages, color, original_name, imported_at)
       VALUES (?, 'pdf', 100, 100, 10, 1, 0, 't.pdf', 'x')`,
    ).run(SHA)
    db.prepare(
      "INSERT INTO user_industries (primary_name, secondary_name, hidden, updated_at) VALUES ('a', 'b', 1, 'x')",
    ).run()
    migrate(db, MIGRATIONS.slice(0, 7))
    expect(schemaVersion(db)).toBe(7)
    expect(db.prepare('SELECT value FROM settings').get()).toEqual({ value: 'en' })
    expect(db.prepare('SELECT hidden FROM user_industries').get()).toEqual({ hidden: 1 })
    const insert = db.prepare(
      `INSERT INTO letter_templates (id, name, pdf_sha256, kind, fields, created_at, updated_at)
       VALUES (?, 'T', ?, ?, ?, 'x', 'x')`,
    )
    insert.run('lt1', SHA, 'flat', '[]')
    expect(db.prepare('SELECT kind, fields, deleted_at FROM letter_templates').get()).toEqual({
      kind: 'flat',
      fields: '[]',
      deleted_at: null,
    })
    expect(() => insert.run('lt2', SHA, 'scanned', '[]')).toThrow()
    expect(() => insert.run('lt3', SHA, 'flat', 'not json')).toThrow()
    expect(() => insert.run('lt4', 'b'.repeat(64), 'flat', '[]')).toThrow()
    db.close()
  })
})
