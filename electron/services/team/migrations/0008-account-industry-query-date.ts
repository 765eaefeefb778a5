import type { PgMigration } from './migration'

/** A packet's account-level 行业类别 and a trademark's 查询日期 (SQLite migration 0015, the same). */
export const pgMigration0008: PgMigration = {
  version: 8,
  name: 'account-industry-query-date',
  up: `
    ALTER TABLE packets ADD COLUMN account_industry text
      CHECK (account_industry IS NULL OR account_industry::jsonb IS NOT NULL);
    ALTER TABLE trademarks ADD COLUMN query_date text;
  `,
}
