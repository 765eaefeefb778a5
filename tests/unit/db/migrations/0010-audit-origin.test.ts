import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { migrate, schemaVersion } from '../../../../electron/services/db/open'
import { MIGRATIONS } from '../../../../electron/services/db/migrations'
import { tempDir } from '../../../helpers/temp'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

describe('migration 0010-audit-origin', () => {
  it('adds actor and a unique origin to the audit log of a version-9 library, keeping its rows', () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const db = new Database(join(dir, 'db.sqlite'))
    migrate(db, MIGRATIONS.slice(0, 9))
    db.prepare(
      "INSERT INTO audit_log (at, action, entity_kind, entity_id) VALUES ('t', 'create', 'company', 'c1')",
    ).run()
    migrate(db, MIGRATIONS.slice(0, 10))
    expect(schemaVersion(db)).toBe(10)
    expect(db.prepare('SELECT action, actor, origin FROM audit_log').all()).toEqual([
      { action: 'create', actor: null, origin: null },
    ])
    const add = db.prepare(
      "INSERT INTO audit_log (at, action, entity_kind, entity_id, origin) VALUES ('t', 'edit', 'company', 'c1', ?)",
    )
    add.run('team:1')
    add.run(null)
    add.run(null)
    expect(() => add.run('team:1')).toThrow(/UNIQUE/)
    db.close()
  })
})
