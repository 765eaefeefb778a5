import type { Migration } from '../migration'

/**
 * Issue 13 items 15–16: a packet's account-level 行业类别 (Step 1 of the platform's form, JSON
 * `{primary, secondary}` or NULL until chosen) and a trademark's 查询日期 (the last look-up on
 * the CTMO site, YYYY-MM-DD or NULL). Team migration 0008 adds the same columns.
 */
export const migration0015: Migration = {
  version: 15,
  name: 'account-industry-query-date',
  up(db) {
    db.exec(`
      ALTER TABLE packets ADD COLUMN account_industry TEXT
        CHECK (account_industry IS NULL OR json_valid(account_industry));
      ALTER TABLE trademarks ADD COLUMN query_date TEXT;
    `)
  },
}
