import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { migrate, schemaVersion } from '../../../../electron/services/db/open'
import { MIGRATIONS } from '../../../../electron/services/db/migrations'
import { tempDir } from '../../../helpers/temp'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

// By version, not position: the migrations before 15 come from other branches too.
const upTo = (version: number) => MIGRATIONS.filter((m) => m.version <= version)

describe('migration 0015-account-industry-query-date', () => {
  it('adds an empty account industry to packets and an empty query date to trademarks', () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const db = new Database(join(dir, 'db.sqlite'))
    migrate(db, upTo(14))
    db.exec(`
      INSERT INTO companies (id, name, region, created_at, updated_at) VALUES ('c', '甲', 'domestic', 't', 't');
      INSERT INTO trademarks (id, reg_no, text, registrant_company_id, status, created_at, updated_at)
        VALUES ('tm', '1', '甲', 'c', 'registered', 't', 't');
      INSERT INTO packets (id, applicant_company_id, account_type, account_name, promoted_subject, created_at, updated_at)
        VALUES ('p', 'c', 'enterprise', '甲', 'none', 't', 't');
    `)
    migrate(db, upTo(15))
    expect(schemaVersion(db)).toBe(15)
    expect(db.prepare('SELECT account_industry FROM packets').pluck().get()).toBeNull()
    expect(db.prepare('SELECT query_date FROM trademarks').pluck().get()).toBeNull()
    db.prepare("UPDATE packets SET account_industry = ? WHERE id = 'p'").run(
      JSON.stringify({ primary: '商务服务', secondary: '设计' }),
    )
    db.prepare("UPDATE trademarks SET query_date = '2026-12-01' WHERE id = 'tm'").run()
    expect(
      JSON.parse(db.prepare('SELECT account_industry FROM packets').pluck().get() as string),
    ).toEqual({ primary: '商务服务', secondary: '设计' })
    // The column holds JSON only.
    expect(() =>
      db.prepare("UPDATE packets SET account_industry = '商务服务 | 设计' WHERE id = 'p'").run(),
    ).toThrow(/CHECK/)
    db.close()
  })
})
