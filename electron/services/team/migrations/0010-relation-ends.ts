import type { PgMigration } from './migration'

/**
 * A packet's scenario reads the relations touching its parties by either end (SQLite 0017):
 * the `from` ends get the index `to_company_id` already has.
 */
export const pgMigration0010: PgMigration = {
  version: 10,
  name: 'relation-ends',
  up: `
    CREATE INDEX relations_from_company ON relations (from_company_id);
    CREATE INDEX relations_from_person ON relations (from_person_id);
  `,
}
