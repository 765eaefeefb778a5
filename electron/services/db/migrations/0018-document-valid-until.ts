import type { Migration } from '../migration'

/**
 * Issue 14 (start-up): 今日's head asks for what was valid until yesterday (library/expiries.ts,
 * `onDay`); without an index that scanned every document, 45–60 ms on 100,000 of them, in one
 * go on each start and refresh of the page.
 */
export const migration0018: Migration = {
  version: 18,
  name: 'document-valid-until',
  up(db) {
    db.exec(`CREATE INDEX documents_valid_until ON documents (valid_until);`)
  },
}
