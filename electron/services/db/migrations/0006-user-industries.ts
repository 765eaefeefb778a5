import type { Migration } from '../migration'

/**
 * The user's edits to the industry catalog, kept apart from the shipped
 * starter catalog so that an app update (a new starter file) never loses them.
 * `entry` is a whole catalog entry (JSON); `hidden` hides a starter entry.
 */
export const migration0006: Migration = {
  version: 6,
  name: 'user-industries',
  up(db) {
    db.exec(`
      CREATE TABLE user_industries (
        primary_name    TEXT NOT NULL,
        secondary_name  TEXT NOT NULL,
        entry           TEXT CHECK (entry IS NULL OR json_valid(entry)),
        hidden          INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
        updated_at      TEXT NOT NULL,
        PRIMARY KEY (primary_name, secondary_name)
      ) STRICT;
    `)
  },
}
