import type { PgMigration } from './migration'

/**
 * Which tokens scheme each search entry was indexed with (issue 13 item 14: a number's
 * suffixes, so any part of it is found). Existing entries are scheme 1; `team init` rebuilds
 * them after migrating (team/search.ts rebuildTeamSearch: their tokens re-split, packets and
 * relations indexed) and marks them 2, the default for new entries — the rebuild is recorded
 * on each row, resumes if cut short and never runs twice.
 */
export const pgMigration0007: PgMigration = {
  version: 7,
  name: 'search-scheme',
  up: `
    ALTER TABLE search_index ADD COLUMN scheme smallint NOT NULL DEFAULT 1;
    ALTER TABLE search_index ALTER COLUMN scheme SET DEFAULT 2;
  `,
}
