import type { PgMigration } from './migration'

/**
 * A packet's archived flag and its exports (SQLite migration 0013, the same), the exports
 * announced to the other clerks like the other watched tables (0005's trigger function).
 */
export const pgMigration0006: PgMigration = {
  version: 6,
  name: 'packet-queue',
  up: `
    ALTER TABLE packets ADD COLUMN archived integer NOT NULL DEFAULT 0 CHECK (archived IN (0, 1));

    CREATE TABLE packet_exports (
      id           text PRIMARY KEY,
      packet_id    text NOT NULL REFERENCES packets(id),
      exported_at  text NOT NULL,
      folder       text NOT NULL,
      route        text NOT NULL CHECK (route IN ('online', 'email')),
      draft        integer NOT NULL CHECK (draft IN (0, 1)),
      plan_digest  text NOT NULL
    );
    CREATE INDEX packet_exports_packet ON packet_exports (packet_id, exported_at);
    CREATE TRIGGER notify_library_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON packet_exports
      FOR EACH STATEMENT EXECUTE FUNCTION notify_library_change();
  `,
}
