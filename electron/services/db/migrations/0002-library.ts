import type { Migration } from '../migration'

/**
 * The document library (RULES.md §2): companies, persons, trademarks,
 * relations, stored files and the documents that attach files to them.
 * Rows are soft-deleted (deleted_at) so deletes land in a recycle bin first.
 */
export const migration0002: Migration = {
  version: 2,
  name: 'library',
  up(db) {
    db.exec(`
      CREATE TABLE companies (
        id              TEXT PRIMARY KEY NOT NULL,
        name            TEXT NOT NULL CHECK (length(name) > 0),
        region          TEXT NOT NULL CHECK (region IN ('domestic', 'foreign')),
        uscc            TEXT,
        uscc_override   TEXT,
        business_scope  TEXT NOT NULL DEFAULT '',
        notes           TEXT NOT NULL DEFAULT '',
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        deleted_at      TEXT
      ) STRICT;

      CREATE TABLE persons (
        id           TEXT PRIMARY KEY NOT NULL,
        name         TEXT NOT NULL CHECK (length(name) > 0),
        id_type      TEXT CHECK (id_type IN ('resident_id', 'passport', 'hk_macao_permit', 'taiwan_permit')),
        id_number    TEXT,
        nationality  TEXT NOT NULL DEFAULT '',
        notes        TEXT NOT NULL DEFAULT '',
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        deleted_at   TEXT
      ) STRICT;

      CREATE TABLE trademarks (
        id                           TEXT PRIMARY KEY NOT NULL,
        reg_no                       TEXT NOT NULL,
        text                         TEXT NOT NULL CHECK (length(text) > 0),
        class                        INTEGER CHECK (class BETWEEN 1 AND 45),
        registrant_company_id        TEXT REFERENCES companies(id),
        registrant_person_id         TEXT REFERENCES persons(id),
        status                       TEXT NOT NULL
                                     CHECK (status IN ('registered', 'application_accepted', 'transfer_accepted')),
        valid_until                  TEXT,
        acceptance_date              TEXT,
        transferee_company_id        TEXT REFERENCES companies(id),
        official_registrant_differs  TEXT CHECK (official_registrant_differs IN ('change', 'transfer')),
        notes                        TEXT NOT NULL DEFAULT '',
        created_at                   TEXT NOT NULL,
        updated_at                   TEXT NOT NULL,
        deleted_at                   TEXT,
        CHECK ((registrant_company_id IS NULL) <> (registrant_person_id IS NULL))
      ) STRICT;

      -- authorization: from (company or person) -> to company; general_agency:
      -- company -> company; parent_subsidiary: from = parent, to = child.
      CREATE TABLE relations (
        id               TEXT PRIMARY KEY NOT NULL,
        type             TEXT NOT NULL CHECK (type IN ('authorization', 'general_agency', 'parent_subsidiary')),
        from_company_id  TEXT REFERENCES companies(id),
        from_person_id   TEXT REFERENCES persons(id),
        to_company_id    TEXT NOT NULL REFERENCES companies(id),
        valid_from       TEXT,
        valid_until      TEXT,
        notes            TEXT NOT NULL DEFAULT '',
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL,
        deleted_at       TEXT,
        CHECK ((from_company_id IS NULL) <> (from_person_id IS NULL)),
        CHECK (type = 'authorization' OR from_person_id IS NULL)
      ) STRICT;

      CREATE TABLE files (
        sha256         TEXT PRIMARY KEY NOT NULL CHECK (length(sha256) = 64),
        format         TEXT NOT NULL,
        width          INTEGER NOT NULL,
        height         INTEGER NOT NULL,
        bytes          INTEGER NOT NULL,
        pages          INTEGER NOT NULL DEFAULT 1,
        color          INTEGER NOT NULL CHECK (color IN (0, 1)),
        original_name  TEXT NOT NULL DEFAULT '',
        imported_at    TEXT NOT NULL
      ) STRICT;

      -- A document: one file serving one requirement (RULES.md §3) for an
      -- entity or relation. subject is the plan's subject string.
      CREATE TABLE documents (
        id           TEXT PRIMARY KEY NOT NULL,
        requirement  TEXT NOT NULL,
        owner_kind   TEXT NOT NULL CHECK (owner_kind IN ('company', 'person', 'trademark', 'relation', 'packet')),
        owner_id     TEXT NOT NULL,
        subject      TEXT NOT NULL DEFAULT '',
        catalog_name TEXT,
        file_sha256  TEXT REFERENCES files(sha256),
        issued_on    TEXT,
        valid_until  TEXT,
        notes        TEXT NOT NULL DEFAULT '',
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL,
        deleted_at   TEXT
      ) STRICT;
      CREATE INDEX documents_owner ON documents (owner_kind, owner_id);
      CREATE INDEX documents_requirement ON documents (requirement, subject);
      CREATE INDEX trademarks_registrant_company ON trademarks (registrant_company_id);
      CREATE INDEX trademarks_registrant_person ON trademarks (registrant_person_id);
      CREATE INDEX relations_to ON relations (to_company_id);

      -- Who did what. Never holds ID numbers: details name the entity only.
      CREATE TABLE audit_log (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        at          TEXT NOT NULL,
        action      TEXT NOT NULL,
        entity_kind TEXT NOT NULL,
        entity_id   TEXT NOT NULL,
        detail      TEXT NOT NULL DEFAULT ''
      ) STRICT;

      -- Chinese search: text pre-split into overlapping character bigrams
      -- (plus whole ASCII words), so two-character terms match.
      CREATE VIRTUAL TABLE search_index USING fts5(
        entity_kind UNINDEXED, entity_id UNINDEXED, title UNINDEXED, body,
        tokenize = 'unicode61 remove_diacritics 0'
      );
    `)
  },
}
