import type { Migration } from '../migration'

/**
 * The user's own letter templates: an imported PDF (a stored file) and where
 * each data item goes — text boxes placed on a flat page, or the AcroForm
 * fields it maps. `fields` is JSON, its shape depends on `kind`.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'letter-templates',
  up(db) {
    db.exec(`
      CREATE TABLE letter_templates (
        id          TEXT PRIMARY KEY NOT NULL,
        name        TEXT NOT NULL,
        pdf_sha256  TEXT NOT NULL REFERENCES files(sha256),
        kind        TEXT NOT NULL CHECK (kind IN ('acroform', 'flat')),
        fields      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(fields) AND json_type(fields) = 'array'),
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        deleted_at  TEXT
      ) STRICT;
    `)
  },
}
