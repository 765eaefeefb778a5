import type { Migration } from '../migration'
import { indexPacketsAndRelationsSync } from '../../library/search-entries'
import { retokenize } from '../../library/search-tokens'

/**
 * Search finds any part of a number and finds packets and relations (issue 13 item 14): every
 * entry of the index gets the new tokens (a number's suffixes) from the tokens it holds, and the
 * live packets and relations are indexed. JS, in the migration's transaction.
 */
export const migration0014: Migration = {
  version: 14,
  name: 'search-numbers',
  up(db) {
    const rows = db.prepare('SELECT rowid AS id, body FROM search_index').all() as {
      id: number
      body: string
    }[]
    const update = db.prepare('UPDATE search_index SET body = ? WHERE rowid = ?')
    for (const row of rows) update.run(retokenize(row.body.split(' ')).join(' '), row.id)
    indexPacketsAndRelationsSync(db)
  },
}
