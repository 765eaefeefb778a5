import type { Migration } from '../migration'

/**
 * The name a file had when it was imported belongs to the document, not to
 * the stored bytes: the same scan imported twice (content-addressed, stored
 * once) must not show the first import's name — often an ID number — on the
 * second document. Existing documents take the name their file row has.
 */
export const migration0008: Migration = {
  version: 8,
  name: 'document-names',
  up(db) {
    db.exec(`
      ALTER TABLE documents ADD COLUMN original_name TEXT NOT NULL DEFAULT '';
      UPDATE documents SET original_name = COALESCE(
        (SELECT f.original_name FROM files f WHERE f.sha256 = documents.file_sha256), '');
    `)
  },
}
