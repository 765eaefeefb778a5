import type { PgMigration } from './migration'

/** When the clerk chose a document as the one to use, e.g. a packet's avatar (SQLite 0016). */
export const pgMigration0009: PgMigration = {
  version: 9,
  name: 'document-preferred-at',
  up: `
    ALTER TABLE documents ADD COLUMN preferred_at text;
  `,
}
