import type { Migration } from '../migration'

/**
 * Issue 14 (start-up): a packet's scenario reads the relations touching its parties by either
 * end (library/relations.ts listRelationsTouching); `to_company_id` had an index, the `from`
 * ends none, so each read scanned the whole table — once per packet on 今日.
 */
export const migration0017: Migration = {
  version: 17,
  name: 'relation-ends',
  up(db) {
    db.exec(`
      CREATE INDEX relations_from_company ON relations (from_company_id);
      CREATE INDEX relations_from_person ON relations (from_person_id);
    `)
  },
}
