import type { PgMigration } from './migration'

/** A packet's trademarks in the order they were added (SQLite migration 0012, the same). */
export const pgMigration0004: PgMigration = {
  version: 4,
  name: 'packet-trademark-order',
  up: `
    ALTER TABLE packet_trademarks ADD COLUMN position integer NOT NULL DEFAULT 0;
  `,
}
