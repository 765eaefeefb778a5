import type { PgMigration } from './migration'

/**
 * Search in the team library, with the embedded library's behaviour: the same tokens (CJK
 * characters and bigrams, lower-case words; services/library/search-tokens.ts) stored as a
 * tsvector as they are (no stemming, no stop words), under a GIN index — so a two-character
 * Chinese term matches, and the middle of a name too.
 */
export const pgMigration0003: PgMigration = {
  version: 3,
  name: 'search',
  up: `
    CREATE TABLE search_index (
      entity_kind  text NOT NULL,
      entity_id    text NOT NULL,
      title        text NOT NULL,
      body         tsvector NOT NULL,
      PRIMARY KEY (entity_kind, entity_id)
    );
    CREATE INDEX search_index_body ON search_index USING gin (body);
  `,
}
