import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { migrate, schemaVersion } from '../../../../electron/services/db/open'
import { MIGRATIONS } from '../../../../electron/services/db/migrations'
import { tempDir } from '../../../helpers/temp'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

const upTo = (version: number) => MIGRATIONS.filter((m) => m.version <= version)

describe('migration 0018-document-valid-until', () => {
  it("indexes documents by validity: 今日's 'valid until yesterday' reads no other document", () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const db = new Database(join(dir, 'db.sqlite'))
    migrate(db, upTo(17))
    const plan = (): string =>
      db
        .prepare(
          `EXPLAIN QUERY PLAN SELECT id FROM documents
           WHERE deleted_at IS NULL AND valid_until = '2026-11-30'`,
        )
        .all()
        .map((row) => (row as { detail: string }).detail)
        .join(' ')
    expect(plan()).toMatch(/SCAN documents/)
    migrate(db, upTo(18))
    expect(schemaVersion(db)).toBe(18)
    expect(plan()).toContain('USING INDEX documents_valid_until')
    db.close()
  })
})
