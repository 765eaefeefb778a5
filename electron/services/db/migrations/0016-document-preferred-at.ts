import type { Migration } from '../migration'

/**
 * Issue 13 item 6: with two avatars on a packet, the clerk chooses the one the export uses: the
 * document chosen last (`preferred_at`), else the newest, as before. On the document rather than
 * the packet, so choosing does not make the wizard's open form of the packet stale. Team
 * migration 0009 adds the same column.
 */
export const migration0016: Migration = {
  version: 16,
  name: 'document-preferred-at',
  up(db) {
    db.exec(`ALTER TABLE documents ADD COLUMN preferred_at TEXT;`)
  },
}
