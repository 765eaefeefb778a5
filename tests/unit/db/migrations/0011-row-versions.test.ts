import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { migrate, schemaVersion } from '../../../../electron/services/db/open'
import { MIGRATIONS } from '../../../../electron/services/db/migrations'
import { VERSIONED_TABLES } from '../../../../electron/services/db/migrations/0011-row-versions'
import { tempDir } from '../../../helpers/temp'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

describe('migration 0011-row-versions', () => {
  it('gives every editable row of a version-10 library a version the database bumps on update', () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const db = new Database(join(dir, 'db.sqlite'))
    migrate(db, MIGRATIONS.slice(0, 10))
    db.prepare(
      "INSERT INTO companies (id, name, region, created_at, updated_at) VALUES ('c1', '甲公司', 'domestic', 't', 't')",
    ).run()
    migrate(db, MIGRATIONS.slice(0, 11))
    expect(schemaVersion(db)).toBe(11)
    const row = () =>
      db.prepare("SELECT name, version, updated_by FROM companies WHERE id = 'c1'").get()
    expect(row()).toEqual({ name: '甲公司', version: 1, updated_by: '' })
    db.prepare("UPDATE companies SET name = '乙公司', updated_by = 'clerk_a' WHERE id = 'c1'").run()
    expect(row()).toEqual({ name: '乙公司', version: 2, updated_by: 'clerk_a' })
    db.prepare("UPDATE companies SET notes = 'x' WHERE id = 'c1'").run()
    expect(row()).toMatchObject({ version: 3 })
    for (const table of VERSIONED_TABLES) {
      const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map(
        (c) => c.name,
      )
      expect(columns, table).toEqual(expect.arrayContaining(['version', 'updated_by']))
    }
    db.close()
  })
})
