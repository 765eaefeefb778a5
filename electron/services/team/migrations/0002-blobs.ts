import type { PgMigration } from './migration'

/**
 * Stored files in the team library: content-addressed blobs, the SHA-256 of the bytes as the
 * key — checked by a constraint on write and verified again on every read.
 */
export const pgMigration0002: PgMigration = {
  version: 2,
  name: 'blobs',
  up: `
    CREATE TABLE blobs (
      sha256  text PRIMARY KEY CHECK (sha256 = encode(sha256(bytes), 'hex')),
      bytes   bytea NOT NULL
    );
    -- Large scans are kept out of line uncompressed: JPEG and PDF do not compress further.
    ALTER TABLE blobs ALTER COLUMN bytes SET STORAGE EXTERNAL;
    -- A file row without its bytes would break every pull: the blob must come first.
    ALTER TABLE files ADD CONSTRAINT files_blob FOREIGN KEY (sha256) REFERENCES blobs (sha256);
  `,
}
