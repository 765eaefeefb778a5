import type { Migration } from '../migration'

/** Packets (one ad account's application, RULES.md §2) and their submissions. */
export const migration0003: Migration = {
  version: 3,
  name: 'packets',
  up(db) {
    db.exec(`
      CREATE TABLE packets (
        id                    TEXT PRIMARY KEY NOT NULL,
        applicant_company_id  TEXT NOT NULL REFERENCES companies(id),
        account_type          TEXT NOT NULL CHECK (account_type IN ('enterprise', 'employee')),
        account_name          TEXT NOT NULL CHECK (length(account_name) > 0),
        promoted_subject      TEXT NOT NULL CHECK (promoted_subject IN ('none', 'website', 'app')),
        industries            TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(industries)),
        avatar_fit            TEXT NOT NULL DEFAULT 'pad' CHECK (avatar_fit IN ('pad', 'crop')),
        prerequisites         TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(prerequisites)),
        notes                 TEXT NOT NULL DEFAULT '',
        created_at            TEXT NOT NULL,
        updated_at            TEXT NOT NULL,
        deleted_at            TEXT
      ) STRICT;

      CREATE TABLE packet_trademarks (
        packet_id     TEXT NOT NULL REFERENCES packets(id) ON DELETE CASCADE,
        trademark_id  TEXT NOT NULL REFERENCES trademarks(id),
        PRIMARY KEY (packet_id, trademark_id)
      ) STRICT;

      CREATE TABLE submissions (
        id               TEXT PRIMARY KEY NOT NULL,
        packet_id        TEXT NOT NULL REFERENCES packets(id),
        submitted_on     TEXT NOT NULL,
        result           TEXT NOT NULL CHECK (result IN ('pending', 'approved', 'rejected')),
        reasons          TEXT NOT NULL DEFAULT '',
        tags             TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags)),
        scenario         TEXT NOT NULL CHECK (json_valid(scenario)),
        created_at       TEXT NOT NULL
      ) STRICT;
      CREATE INDEX submissions_packet ON submissions (packet_id, submitted_on);
    `)
  },
}
