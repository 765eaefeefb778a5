import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { migrate, schemaVersion } from '../../../../electron/services/db/open'
import { MIGRATIONS } from '../../../../electron/services/db/migrations'
import { searchLibrary, unindexEntity } from '../../../../electron/services/library/search'
import { tempDir } from '../../../helpers/temp'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

describe('migration 0004-search-keys', () => {
  it('backfills keys for rows indexed at version 3, so they can still be removed', () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const db = new Database(join(dir, 'db.sqlite'))
    migrate(db, MIGRATIONS.slice(0, 3))
    db.prepare(
      "INSERT INTO search_index (entity_kind, entity_id, title, body) VALUES ('company', 'c1', '青禾', '青 禾 青禾')",
    ).run()
    migrate(db, MIGRATIONS.slice(0, 4))
    expect(schemaVersion(db)).toBe(4)
    expect(searchLibrary(db, '青禾').map((h) => h.id)).toEqual(['c1'])
    unindexEntity(db, 'company', 'c1')
    expect(searchLibrary(db, '青禾')).toEqual([])
    expect(db.prepare('SELECT COUNT(*) AS n FROM search_keys').get()).toEqual({ n: 0 })
    db.close()
  })
})
