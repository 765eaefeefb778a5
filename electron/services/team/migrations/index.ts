import type { PgMigration } from './migration'
import { pgMigration0001 } from './0001-library'
import { pgMigration0002 } from './0002-blobs'
import { pgMigration0003 } from './0003-search'
import { pgMigration0004 } from './0004-packet-trademark-order'
import { pgMigration0005 } from './0005-notify'
import { pgMigration0006 } from './0006-packet-queue'
import { pgMigration0007 } from './0007-search-scheme'
import { pgMigration0008 } from './0008-account-industry-query-date'
import { pgMigration0009 } from './0009-document-preferred-at'
import { pgMigration0010 } from './0010-relation-ends'
import { pgMigration0011 } from './0011-document-valid-until'

/** Every team-library migration, in order. Append only: never edit one that has shipped. */
export const PG_MIGRATIONS: readonly PgMigration[] = [
  pgMigration0001,
  pgMigration0002,
  pgMigration0003,
  pgMigration0004,
  pgMigration0005,
  pgMigration0006,
  pgMigration0007,
  pgMigration0008,
  pgMigration0009,
  pgMigration0010,
  pgMigration0011,
]

/** The last migration's version (numbers are given out ahead, so the list may have gaps). */
export const LATEST_PG_SCHEMA_VERSION = PG_MIGRATIONS[PG_MIGRATIONS.length - 1]?.version ?? 0
