import type { Migration } from '../migration'

/**
 * FTS5 cannot index its UNINDEXED columns, so deleting an entity's row by
 * (kind, id) scanned the whole index: quadratic when re-indexing a large
 * library. Keep (kind, id) → FTS rowid in an ordinary keyed table instead.
 */
export const migration0004: Migration = {
  version: 4,
  name: 'search-keys',
  up(db) {
    db.exec(`
      CREATE TABLE search_keys (
        entity_kind  TEXT NOT NULL,
        entity_id    TEXT NOT NULL,
        fts_rowid    INTEGER NOT NULL,
        PRIMARY KEY (entity_kind, entity_id)
      ) STRICT, WITHOUT ROWID;
      INSERT OR REPLACE INTO search_keys (entity_kind, entity_id, fts_rowid)
        SELECT entity_kind, entity_id, rowid FROM search_index;
    `)
  },
}
