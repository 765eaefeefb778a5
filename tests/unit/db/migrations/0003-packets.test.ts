import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { migrate, schemaVersion } from '../../../../electron/services/db/open'
import { MIGRATIONS } from '../../../../electron/services/db/migrations'
import { tempDir } from '../../../helpers/temp'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

const at = '2026-11-28T00:00:00Z'

describe('migration 0003-packets', () => {
  it('upgrades a version-2 library with data: the data stays, packets refer to it', () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const db = new Database(join(dir, 'db.sqlite'))
    db.pragma('foreign_keys = ON')
    migrate(db, MIGRATIONS.slice(0, 2))
    db.prepare(
      "INSERT INTO companies (id, name, region, created_at, updated_at) VALUES ('c1', '青禾', 'domestic', ?, ?)",
    ).run(at, at)
    db.prepare(
      `INSERT INTO trademarks (id, reg_no, text, registrant_company_id, status, created_at, updated_at)
       VALUES ('t1', '45678901', '青禾', 'c1', 'registered', ?, ?)`,
    ).run(at, at)

    migrate(db, MIGRATIONS.slice(0, 3))
    expect(schemaVersion(db)).toBe(3)
    expect(db.prepare('SELECT name FROM companies').all()).toEqual([{ name: '青禾' }])
    expect(db.prepare('SELECT reg_no FROM trademarks').all()).toEqual([{ reg_no: '45678901' }])

    db.prepare(
      `INSERT INTO packets (id, applicant_company_id, account_type, account_name, promoted_subject,
         created_at, updated_at) VALUES ('p1', 'c1', 'enterprise', '青禾文化', 'none', ?, ?)`,
    ).run(at, at)
    db.prepare("INSERT INTO packet_trademarks (packet_id, trademark_id) VALUES ('p1', 't1')").run()
    expect(db.prepare('SELECT industries, avatar_fit FROM packets').get()).toEqual({
      industries: '[]',
      avatar_fit: 'pad',
    })
    // The new tables keep their references: no packet for a company that does not exist,
    // no unknown account type, no submission without valid JSON.
    expect(() =>
      db
        .prepare(
          `INSERT INTO packets (id, applicant_company_id, account_type, account_name, promoted_subject,
             created_at, updated_at) VALUES ('p2', 'nope', 'enterprise', 'x', 'none', ?, ?)`,
        )
        .run(at, at),
    ).toThrow(/FOREIGN KEY/)
    expect(() =>
      db
        .prepare(
          `INSERT INTO packets (id, applicant_company_id, account_type, account_name, promoted_subject,
             created_at, updated_at) VALUES ('p3', 'c1', 'agency', 'x', 'none', ?, ?)`,
        )
        .run(at, at),
    ).toThrow(/CHECK/)
    expect(() =>
      db
        .prepare(
          `INSERT INTO submissions (id, packet_id, submitted_on, result, scenario, created_at)
           VALUES ('s1', 'p1', '2026-11-28', 'pending', 'not json', ?)`,
        )
        .run(at),
    ).toThrow(/CHECK/)
    db.close()
  })
})
