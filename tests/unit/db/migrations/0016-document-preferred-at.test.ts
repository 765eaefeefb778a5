import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { migrate, schemaVersion } from '../../../../electron/services/db/open'
import { MIGRATIONS } from '../../../../electron/services/db/migrations'
import { tempDir } from '../../../helpers/temp'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

const upTo = (version: number) => MIGRATIONS.filter((m) => m.version <= version)

describe('migration 0016-document-preferred-at', () => {
  it('adds an empty choice time to every document', () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const db = new Database(join(dir, 'db.sqlite'))
    migrate(db, upTo(15))
    db.exec(`
      INSERT INTO companies (id, name, region, created_at, updated_at) VALUES ('c', '甲', 'domestic', 't', 't');
      INSERT INTO documents (id, requirement, owner_kind, owner_id, created_at, updated_at)
        VALUES ('d', 'business_licence', 'company', 'c', 't', 't');
    `)
    migrate(db, upTo(16))
    expect(schemaVersion(db)).toBe(16)
    expect(db.prepare('SELECT preferred_at FROM documents').pluck().get()).toBeNull()
    db.prepare("UPDATE documents SET preferred_at = '2026-12-01T10:00:00Z'").run()
    expect(db.prepare('SELECT preferred_at FROM documents').pluck().get()).toBe(
      '2026-12-01T10:00:00Z',
    )
    db.close()
  })
})
