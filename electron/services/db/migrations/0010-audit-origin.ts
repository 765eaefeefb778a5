import type { Migration } from '../migration'

/**
 * Audit entries that came from the team library keep who wrote them there (actor) and where
 * they came from (origin), so pushing a pulled library back adds none of them twice and does
 * not re-attribute them to whoever pushes (issue 11). Local entries leave both empty.
 */
export const migration0010: Migration = {
  version: 10,
  name: 'audit-origin',
  up(db) {
    db.exec(`
      ALTER TABLE audit_log ADD COLUMN actor TEXT;
      ALTER TABLE audit_log ADD COLUMN origin TEXT;
      CREATE UNIQUE INDEX audit_log_origin ON audit_log (origin) WHERE origin IS NOT NULL;
    `)
  },
}
