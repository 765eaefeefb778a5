import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { migrate, schemaVersion } from '../../../../electron/services/db/open'
import { MIGRATIONS } from '../../../../electron/services/db/migrations'
import { tempDir } from '../../../helpers/temp'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

describe('migration 0013-packet-queue', () => {
  it('keeps a version-12 packet, not archived, and records exports of live packets only', () => {
    const { dir, cleanup } = tempDir()
    cleanups.push(cleanup)
    const db = new Database(join(dir, 'db.sqlite'))
    db.pragma('foreign_keys = ON')
    migrate(db, MIGRATIONS.slice(0, 12))
    db.exec(`
      INSERT INTO companies (id, name, region, created_at, updated_at) VALUES ('c', '甲', 'domestic', 't', 't');
      INSERT INTO packets (id, applicant_company_id, account_type, account_name, promoted_subject, created_at, updated_at)
        VALUES ('p', 'c', 'enterprise', '甲', 'none', 't', 't');
    `)
    migrate(db, MIGRATIONS.slice(0, 13))
    expect(schemaVersion(db)).toBe(13)
    expect(
      db.prepare("SELECT account_name, archived, version FROM packets WHERE id = 'p'").get(),
    ).toEqual({
      account_name: '甲',
      archived: 0,
      version: 1,
    })
    expect(() => db.prepare("UPDATE packets SET archived = 2 WHERE id = 'p'").run()).toThrow(
      /CHECK/,
    )
    const add = db.prepare(
      `INSERT INTO packet_exports (id, packet_id, exported_at, folder, route, draft, plan_digest)
       VALUES (?, ?, '2026-12-01T00:00:00.000Z', '/out/甲', ?, 0, 'abc')`,
    )
    add.run('e1', 'p', 'online')
    expect(() => add.run('e2', 'p', 'fax')).toThrow(/CHECK/)
    expect(() => add.run('e3', 'nope', 'online')).toThrow(/FOREIGN KEY/)
    expect(db.prepare('SELECT id, folder FROM packet_exports').all()).toEqual([
      { id: 'e1', folder: '/out/甲' },
    ])
    db.close()
  })
})
