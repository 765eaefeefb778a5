import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { migrate, schemaVersion } from '../../../../electron/services/db/open'
import { MIGRATIONS } from '../../../../electron/services/db/migrations'
import { searchLibrary } from '../../../../electron/services/library/search'
import { tempDir } from '../../../helpers/temp'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

const upTo = (version: number) => MIGRATIONS.filter((m) => m.version <= version)

describe('migration 0014-search-numbers', () => {
  it('rebuilds a version-12 index: a USCC found by its middle, packets and relations found', () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const db = new Database(join(dir, 'db.sqlite'))
    migrate(db, upTo(12))
    db.exec(`
      INSERT INTO companies (id, name, region, uscc, created_at, updated_at)
        VALUES ('c1', '青禾', 'domestic', '91310000MA1FL8XQ37', 't', 't'),
               ('c2', '山岚', 'domestic', NULL, 't', 't');
      INSERT INTO packets (id, applicant_company_id, account_type, account_name, promoted_subject, created_at, updated_at)
        VALUES ('p1', 'c1', 'enterprise', '青禾旗舰店', 'none', 't', 't');
      INSERT INTO relations (id, type, from_company_id, to_company_id, created_at, updated_at)
        VALUES ('r1', 'authorization', 'c2', 'c1', 't', 't');
      -- As version 12 indexed the company (its tokens; a scan's read text is only tokens too).
      INSERT INTO search_index (entity_kind, entity_id, title, body)
        VALUES ('company', 'c1', '青禾', '青 青禾 禾 91310000ma1fl8xq37'),
               ('document', 'd1', '营业执照', '注 注册 册 册号 号 12345678');
      INSERT INTO search_keys (entity_kind, entity_id, fts_rowid) VALUES ('company', 'c1', 1), ('document', 'd1', 2);
    `)
    expect(searchLibrary(db, '0000MA')).toEqual([])
    migrate(db, upTo(14))
    expect(schemaVersion(db)).toBe(14)
    expect(searchLibrary(db, '0000MA').map((h) => h.id)).toEqual(['c1'])
    expect(
      searchLibrary(db, '青禾')
        .map((h) => h.id)
        .sort(),
    ).toEqual(['c1', 'p1', 'r1'])
    expect(searchLibrary(db, '345678').map((h) => h.id)).toEqual(['d1'])
    expect(searchLibrary(db, '旗舰').map((h) => `${h.kind}:${h.title}`)).toEqual([
      'packet:青禾旗舰店（青禾）',
    ])
    expect(searchLibrary(db, '山岚').map((h) => `${h.kind}:${h.title}`)).toEqual([
      'relation:授权：山岚 → 青禾',
    ])
    // Every entry keeps its key (an edit or delete removes it by rowid).
    const keys = db.prepare('SELECT COUNT(*) AS n FROM search_keys').get()
    expect(keys).toEqual({ n: 4 })
    db.close()
  })
})
