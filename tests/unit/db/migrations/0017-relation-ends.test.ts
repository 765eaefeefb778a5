import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { migrate, schemaVersion } from '../../../../electron/services/db/open'
import { MIGRATIONS } from '../../../../electron/services/db/migrations'
import { tempDir } from '../../../helpers/temp'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

const upTo = (version: number) => MIGRATIONS.filter((m) => m.version <= version)

describe('migration 0017-relation-ends', () => {
  it('indexes relations by their from ends, so a lookup by either end uses an index', () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const db = new Database(join(dir, 'db.sqlite'))
    migrate(db, upTo(16))
    const plan = (column: string): string =>
      db
        .prepare(`EXPLAIN QUERY PLAN SELECT id FROM relations WHERE ${column} = 'x'`)
        .all()
        .map((row) => (row as { detail: string }).detail)
        .join(' ')
    expect(plan('from_company_id')).toMatch(/SCAN/)
    migrate(db, upTo(17))
    expect(schemaVersion(db)).toBe(17)
    expect(plan('from_company_id')).toContain('USING INDEX relations_from_company')
    expect(plan('from_person_id')).toContain('USING INDEX relations_from_person')
    db.close()
  })
})
