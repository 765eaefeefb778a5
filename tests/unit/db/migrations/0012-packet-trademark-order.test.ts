import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { migrate, schemaVersion } from '../../../../electron/services/db/open'
import { MIGRATIONS } from '../../../../electron/services/db/migrations'
import { tempDir } from '../../../helpers/temp'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

describe('migration 0012-packet-trademark-order', () => {
  it("keeps a version-11 packet's trademarks in the order they were added", () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const db = new Database(join(dir, 'db.sqlite'))
    migrate(db, MIGRATIONS.slice(0, 11))
    db.exec(`
      INSERT INTO companies (id, name, region, created_at, updated_at) VALUES ('c', '甲', 'domestic', 't', 't');
      INSERT INTO trademarks (id, reg_no, text, registrant_company_id, status, created_at, updated_at)
        VALUES ('tz', '1', '甲', 'c', 'registered', 't', 't'), ('ta', '2', '乙', 'c', 'registered', 't', 't');
      INSERT INTO packets (id, applicant_company_id, account_type, account_name, promoted_subject, created_at, updated_at)
        VALUES ('p', 'c', 'enterprise', '甲', 'none', 't', 't');
      INSERT INTO packet_trademarks (packet_id, trademark_id) VALUES ('p', 'tz'), ('p', 'ta');
    `)
    migrate(db, MIGRATIONS.slice(0, 12))
    expect(schemaVersion(db)).toBe(12)
    const order = db
      .prepare('SELECT trademark_id FROM packet_trademarks ORDER BY position')
      .pluck()
      .all()
    expect(order).toEqual(['tz', 'ta'])
    db.close()
  })
})
