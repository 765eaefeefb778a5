import type { Migration } from '../migration'

/** The rows a clerk edits in a form: a save names the version it was made from (issue 11). */
export const VERSIONED_TABLES = [
  'companies',
  'persons',
  'trademarks',
  'relations',
  'documents',
  'packets',
  'letters',
  'letter_templates',
] as const

/**
 * Every editable row gets a version, bumped by the database on every update (as the team
 * library's `stamp_row` trigger does), and who saved it last: a save made from a stale version is
 * refused naming who changed the row and when, instead of silently overwriting their change.
 * One clerk rarely meets this on the embedded library (two windows can), but the services and
 * their tests are the same on both engines.
 */
export const migration0011: Migration = {
  version: 11,
  name: 'row-versions',
  up(db) {
    for (const table of VERSIONED_TABLES) {
      db.exec(`
        ALTER TABLE ${table} ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE ${table} ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
        CREATE TRIGGER ${table}_version AFTER UPDATE ON ${table} FOR EACH ROW
          WHEN NEW.version = OLD.version
          BEGIN UPDATE ${table} SET version = OLD.version + 1 WHERE rowid = NEW.rowid; END;
      `)
    }
  },
}
