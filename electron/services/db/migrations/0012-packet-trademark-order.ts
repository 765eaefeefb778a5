import type { Migration } from '../migration'

/**
 * A packet's trademarks keep the order the clerk added them in: that was SQLite's rowid, which
 * PostgreSQL does not have, so the order becomes a column on both engines (issue 11).
 */
export const migration0012: Migration = {
  version: 12,
  name: 'packet-trademark-order',
  up(db) {
    db.exec(`
      ALTER TABLE packet_trademarks ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
      UPDATE packet_trademarks SET position = rowid;
    `)
  },
}
