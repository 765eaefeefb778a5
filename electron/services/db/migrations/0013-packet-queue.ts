import type { Migration } from '../migration'

/**
 * The packet list as a work queue (issue 13 item 7): a packet can be archived (hidden from the
 * default list, kept as it is), and each export is recorded — when, where, by which route, and
 * a digest of the plan it was made from — so the list can say 已导出 until something changes
 * and 更新时间 follows the last export. Rows are added only after the export folder is in place.
 */
export const migration0013: Migration = {
  version: 13,
  name: 'packet-queue',
  up(db) {
    db.exec(`
      ALTER TABLE packets ADD COLUMN archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1));

      CREATE TABLE packet_exports (
        id           TEXT PRIMARY KEY NOT NULL,
        packet_id    TEXT NOT NULL REFERENCES packets(id),
        exported_at  TEXT NOT NULL,
        folder       TEXT NOT NULL,
        route        TEXT NOT NULL CHECK (route IN ('online', 'email')),
        draft        INTEGER NOT NULL CHECK (draft IN (0, 1)),
        plan_digest  TEXT NOT NULL
      ) STRICT;
      CREATE INDEX packet_exports_packet ON packet_exports (packet_id, exported_at);
    `)
  },
}
