import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/errors'
import { migrate, openDatabase, schemaVersion } from '../../../electron/services/db/open'
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../electron/services/db/migrations'
import { tempDir } from '../../helpers/temp'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

function freshFile(): string {
  const { dir, cleanup } = tempDir()
  cleanups.push(cleanup)
  return join(dir, 'packetdesk.sqlite')
}

describe('openDatabase', () => {
  it('opens in WAL mode with foreign keys on, migrated to the latest version', () => {
    const db = openDatabase(freshFile())
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION)
    db.close()
  })

  it('numbers migrations 1..N in order, one per file', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1))
  })

  it('is idempotent: reopening keeps data and version', () => {
    const file = freshFile()
    const first = openDatabase(file)
    first.prepare("INSERT INTO settings (key, value) VALUES ('language', 'en')").run()
    first.close()
    const second = openDatabase(file)
    expect(second.prepare('SELECT value FROM settings').get()).toEqual({ value: 'en' })
    expect(schemaVersion(second)).toBe(LATEST_SCHEMA_VERSION)
    second.close()
  })

  it('refuses a database from a newer version, with a clear message, without changing it', () => {
    const file = freshFile()
    const raw = new Database(file)
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`)
    raw.close()
    const before = readFileSync(file)
    let caught: unknown
    try {
      openDatabase(file)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(AppError)
    expect((caught as AppError).code).toBe('DB_TOO_NEW')
    expect((caught as AppError).message).toContain('升级 PacketDesk')
    expect(readFileSync(file).equals(before)).toBe(true)
  })

  it('rolls back a failing migration completely', () => {
    const file = freshFile()
    const db = new Database(file)
    const broken = [
      ...MIGRATIONS,
      {
        version: LATEST_SCHEMA_VERSION + 1,
        name: 'broken',
        up: (d: Database.Database) => {
          d.exec('CREATE TABLE half_done (x INTEGER)')
          throw new Error('boom')
        },
      },
    ]
    expect(() => migrate(db, broken)).toThrow('boom')
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION)
    expect(
      db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get(),
    ).toBeUndefined()
    db.close()
  })
})
