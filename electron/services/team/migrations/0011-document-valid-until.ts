import type { PgMigration } from './migration'

/** 今日's head asks for the documents valid until yesterday (SQLite 0018): by an index. */
export const pgMigration0011: PgMigration = {
  version: 11,
  name: 'document-valid-until',
  up: `
    CREATE INDEX documents_valid_until ON documents (valid_until);
  `,
}
