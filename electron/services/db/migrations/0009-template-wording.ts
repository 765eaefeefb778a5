import type { Migration } from '../migration'

/**
 * The user's edited copy of a built-in letter's wording (the shipped file is
 * never changed; deleting the row restores the original).
 */
export const migration0009: Migration = {
  version: 9,
  name: 'template-wording',
  up(db) {
    db.exec(`
      CREATE TABLE template_wording (
        name        TEXT PRIMARY KEY NOT NULL,
        template    TEXT NOT NULL CHECK (json_valid(template)),
        updated_at  TEXT NOT NULL
      ) STRICT;
    `)
  },
}
