import type { PgMigration } from './migration'

/**
 * The library as the embedded SQLite schema has it at version 9 (companies … template_wording),
 * in PostgreSQL types. Dates stay ISO text as in SQLite, so a library moves between the engines
 * unchanged. Editable rows carry `version` (bumped on every save: a save against a stale one is
 * refused) and `updated_by` (the role that saved it). The audit log records `current_user`.
 * Search is added by its own migration; SQLite's search tables are rebuilt, never copied.
 */
export const pgMigration0001: PgMigration = {
  version: 1,
  name: 'library',
  up: `
    -- This team library's identity: audit entries pulled from it name it in their origin.
    CREATE TABLE library_info (
      id  text PRIMARY KEY DEFAULT gen_random_uuid()::text
    );
    INSERT INTO library_info DEFAULT VALUES;

    CREATE TABLE companies (
      id              text PRIMARY KEY,
      name            text NOT NULL CHECK (length(name) > 0),
      region          text NOT NULL CHECK (region IN ('domestic', 'foreign')),
      uscc            text,
      uscc_override   text,
      business_scope  text NOT NULL DEFAULT '',
      notes           text NOT NULL DEFAULT '',
      created_at      text NOT NULL,
      updated_at      text NOT NULL,
      deleted_at      text,
      version         integer NOT NULL DEFAULT 1,
      updated_by      text NOT NULL DEFAULT current_user
    );
    CREATE TABLE persons (
      id           text PRIMARY KEY,
      name         text NOT NULL CHECK (length(name) > 0),
      id_type      text CHECK (id_type IN ('resident_id', 'passport', 'hk_macao_permit', 'taiwan_permit')),
      id_number    text,
      nationality  text NOT NULL DEFAULT '',
      notes        text NOT NULL DEFAULT '',
      created_at   text NOT NULL,
      updated_at   text NOT NULL,
      deleted_at   text,
      version      integer NOT NULL DEFAULT 1,
      updated_by   text NOT NULL DEFAULT current_user
    );
    CREATE TABLE trademarks (
      id                           text PRIMARY KEY,
      reg_no                       text NOT NULL,
      text                         text NOT NULL CHECK (length(text) > 0),
      class                        integer CHECK (class BETWEEN 1 AND 45),
      registrant_company_id        text REFERENCES companies(id),
      registrant_person_id         text REFERENCES persons(id),
      status                       text NOT NULL
                                   CHECK (status IN ('registered', 'application_accepted', 'transfer_accepted')),
      valid_until                  text,
      acceptance_date              text,
      transferee_company_id        text REFERENCES companies(id),
      official_registrant_differs  text CHECK (official_registrant_differs IN ('change', 'transfer')),
      notes                        text NOT NULL DEFAULT '',
      created_at                   text NOT NULL,
      updated_at                   text NOT NULL,
      deleted_at                   text,
      version                      integer NOT NULL DEFAULT 1,
      updated_by                   text NOT NULL DEFAULT current_user,
      CHECK ((registrant_company_id IS NULL) <> (registrant_person_id IS NULL))
    );
    CREATE TABLE relations (
      id               text PRIMARY KEY,
      type             text NOT NULL CHECK (type IN ('authorization', 'general_agency', 'parent_subsidiary')),
      from_company_id  text REFERENCES companies(id),
      from_person_id   text REFERENCES persons(id),
      to_company_id    text NOT NULL REFERENCES companies(id),
      valid_from       text,
      valid_until      text,
      notes            text NOT NULL DEFAULT '',
      created_at       text NOT NULL,
      updated_at       text NOT NULL,
      deleted_at       text,
      version          integer NOT NULL DEFAULT 1,
      updated_by       text NOT NULL DEFAULT current_user,
      CHECK ((from_company_id IS NULL) <> (from_person_id IS NULL)),
      CHECK (type = 'authorization' OR from_person_id IS NULL)
    );
    CREATE TABLE files (
      sha256         text PRIMARY KEY CHECK (length(sha256) = 64),
      format         text NOT NULL,
      width          integer NOT NULL,
      height         integer NOT NULL,
      bytes          integer NOT NULL,
      pages          integer NOT NULL DEFAULT 1,
      color          integer NOT NULL CHECK (color IN (0, 1)),
      original_name  text NOT NULL DEFAULT '',
      imported_at    text NOT NULL
    );
    CREATE TABLE documents (
      id             text PRIMARY KEY,
      requirement    text NOT NULL,
      owner_kind     text NOT NULL CHECK (owner_kind IN ('company', 'person', 'trademark', 'relation', 'packet')),
      owner_id       text NOT NULL,
      subject        text NOT NULL DEFAULT '',
      catalog_name   text,
      file_sha256    text REFERENCES files(sha256),
      issued_on      text,
      valid_until    text,
      notes          text NOT NULL DEFAULT '',
      created_at     text NOT NULL,
      updated_at     text NOT NULL,
      deleted_at     text,
      original_name  text NOT NULL DEFAULT '',
      version        integer NOT NULL DEFAULT 1,
      updated_by     text NOT NULL DEFAULT current_user
    );
    CREATE INDEX documents_owner ON documents (owner_kind, owner_id);
    CREATE INDEX documents_requirement ON documents (requirement, subject);
    CREATE INDEX trademarks_registrant_company ON trademarks (registrant_company_id);
    CREATE INDEX trademarks_registrant_person ON trademarks (registrant_person_id);
    CREATE INDEX relations_to ON relations (to_company_id);

    -- Who did what: the role that did it (current_user), never an ID number. Clerks may only
    -- read and add rows, naming no id, actor (GRANTs in team init; the id is always generated). origin: a row pushed from a local library, so a
    -- second push never adds it twice.
    CREATE TABLE audit_log (
      id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at           text NOT NULL,
      action       text NOT NULL,
      entity_kind  text NOT NULL,
      entity_id    text NOT NULL,
      detail       text NOT NULL DEFAULT '',
      actor        text NOT NULL DEFAULT current_user,
      origin       text UNIQUE
    );
    -- The actor is whoever inserts, whatever the row says: a clerk cannot write in another's
    -- name. The time is the server's, except for entries pushed from a local library (origin),
    -- which keep when they happened there.
    CREATE FUNCTION audit_actor() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.actor := current_user;
      IF NEW.origin IS NULL THEN
        NEW.at := to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
      END IF;
      RETURN NEW;
    END
    $$;
    CREATE TRIGGER audit_actor BEFORE INSERT ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_actor();

    CREATE TABLE packets (
      id                    text PRIMARY KEY,
      applicant_company_id  text NOT NULL REFERENCES companies(id),
      account_type          text NOT NULL CHECK (account_type IN ('enterprise', 'employee')),
      account_name          text NOT NULL CHECK (length(account_name) > 0),
      promoted_subject      text NOT NULL CHECK (promoted_subject IN ('none', 'website', 'app')),
      industries            text NOT NULL DEFAULT '[]' CHECK (industries::jsonb IS NOT NULL),
      avatar_fit            text NOT NULL DEFAULT 'pad' CHECK (avatar_fit IN ('pad', 'crop')),
      prerequisites         text NOT NULL DEFAULT '{}' CHECK (prerequisites::jsonb IS NOT NULL),
      notes                 text NOT NULL DEFAULT '',
      created_at            text NOT NULL,
      updated_at            text NOT NULL,
      deleted_at            text,
      version               integer NOT NULL DEFAULT 1,
      updated_by            text NOT NULL DEFAULT current_user
    );
    CREATE TABLE packet_trademarks (
      packet_id     text NOT NULL REFERENCES packets(id) ON DELETE CASCADE,
      trademark_id  text NOT NULL REFERENCES trademarks(id),
      PRIMARY KEY (packet_id, trademark_id)
    );
    CREATE TABLE submissions (
      id            text PRIMARY KEY,
      packet_id     text NOT NULL REFERENCES packets(id),
      submitted_on  text NOT NULL,
      result        text NOT NULL CHECK (result IN ('pending', 'approved', 'rejected')),
      reasons       text NOT NULL DEFAULT '',
      tags          text NOT NULL DEFAULT '[]' CHECK (tags::jsonb IS NOT NULL),
      scenario      text NOT NULL CHECK (scenario::jsonb IS NOT NULL),
      created_at    text NOT NULL
    );
    CREATE TABLE letters (
      id           text PRIMARY KEY,
      relation_id  text NOT NULL REFERENCES relations(id),
      packet_id    text REFERENCES packets(id),
      requirement  text NOT NULL CHECK (requirement IN
                     ('authorization_letter', 'general_agency_authorization', 'parent_subsidiary_proof')),
      template     text NOT NULL,
      pdf_sha256   text NOT NULL REFERENCES files(sha256),
      status       text NOT NULL CHECK (status IN ('generated', 'printed', 'signed')),
      valid_from   text NOT NULL,
      valid_until  text NOT NULL,
      created_at   text NOT NULL,
      updated_at   text NOT NULL,
      version      integer NOT NULL DEFAULT 1,
      updated_by   text NOT NULL DEFAULT current_user
    );
    CREATE TABLE user_industries (
      primary_name    text NOT NULL,
      secondary_name  text NOT NULL,
      entry           text CHECK (entry IS NULL OR entry::jsonb IS NOT NULL),
      hidden          integer NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
      updated_at      text NOT NULL,
      PRIMARY KEY (primary_name, secondary_name)
    );
    CREATE TABLE letter_templates (
      id          text PRIMARY KEY,
      name        text NOT NULL,
      pdf_sha256  text NOT NULL REFERENCES files(sha256),
      kind        text NOT NULL CHECK (kind IN ('acroform', 'flat')),
      fields      text NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(fields::jsonb) = 'array'),
      created_at  text NOT NULL,
      updated_at  text NOT NULL,
      deleted_at  text,
      version     integer NOT NULL DEFAULT 1,
      updated_by  text NOT NULL DEFAULT current_user
    );
    -- Every save of an editable row is stamped by the server: who saved it, and a new version
    -- (a save against a stale version is then detectable), whatever the client sent.
    CREATE FUNCTION stamp_row() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      NEW.updated_by := current_user;
      IF TG_OP = 'UPDATE' THEN
        NEW.version := OLD.version + 1;
      ELSE
        NEW.version := 1;
      END IF;
      RETURN NEW;
    END
    $$;

    CREATE TABLE template_wording (
      name        text PRIMARY KEY,
      template    text NOT NULL CHECK (template::jsonb IS NOT NULL),
      updated_at  text NOT NULL
    );

    CREATE TRIGGER stamp_row BEFORE INSERT OR UPDATE ON companies FOR EACH ROW EXECUTE FUNCTION stamp_row();
    CREATE TRIGGER stamp_row BEFORE INSERT OR UPDATE ON persons FOR EACH ROW EXECUTE FUNCTION stamp_row();
    CREATE TRIGGER stamp_row BEFORE INSERT OR UPDATE ON trademarks FOR EACH ROW EXECUTE FUNCTION stamp_row();
    CREATE TRIGGER stamp_row BEFORE INSERT OR UPDATE ON relations FOR EACH ROW EXECUTE FUNCTION stamp_row();
    CREATE TRIGGER stamp_row BEFORE INSERT OR UPDATE ON documents FOR EACH ROW EXECUTE FUNCTION stamp_row();
    CREATE TRIGGER stamp_row BEFORE INSERT OR UPDATE ON packets FOR EACH ROW EXECUTE FUNCTION stamp_row();
    CREATE TRIGGER stamp_row BEFORE INSERT OR UPDATE ON letters FOR EACH ROW EXECUTE FUNCTION stamp_row();
    CREATE TRIGGER stamp_row BEFORE INSERT OR UPDATE ON letter_templates FOR EACH ROW EXECUTE FUNCTION stamp_row();
  `,
}
