import type { Migration } from '../migration'

/**
 * Generated letters and their lifecycle: generated → printed → signed (the
 * signed scan imported as the relation's document). The PDF is a stored file.
 */
export const migration0005: Migration = {
  version: 5,
  name: 'letters',
  up(db) {
    db.exec(`
      CREATE TABLE letters (
        id           TEXT PRIMARY KEY NOT NULL,
        relation_id  TEXT NOT NULL REFERENCES relations(id),
        packet_id    TEXT REFERENCES packets(id),
        requirement  TEXT NOT NULL CHECK (requirement IN
                       ('authorization_letter', 'general_agency_authorization', 'parent_subsidiary_proof')),
        template     TEXT NOT NULL,
        pdf_sha256   TEXT NOT NULL REFERENCES files(sha256),
        status       TEXT NOT NULL CHECK (status IN ('generated', 'printed', 'signed')),
        valid_from   TEXT NOT NULL,
        valid_until  TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
      ) STRICT;
      CREATE INDEX letters_relation ON letters (relation_id);
    `)
  },
}
