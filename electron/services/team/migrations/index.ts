import type { PgMigration } from './migration'
import { pgMigration0001 } from './0001-library'
import { pgMigration0002 } from './0002-blobs'
import { pgMigration0003 } from './0003-search'
import { pgMigration0004 } from './0004-packet-trademark-order'
import { pgMigration0005 } from './0005-notify'
import { pgMigration0008 } from './0008-account-industry-query-date'

/** Every team-library migration, in order. Append only: never edit one that has shipped. */
export const PG_MIGRATIONS: readonly PgMigration[] = [
  pgMigration0001,
  pgMigration0002,
  pgMigration0003,
  pgMigration0004,
  pgMigration0005,
  pgMigration0008,
]

/** The last migration's version (parallel branches leave gaps until they are merged). */
export const LATEST_PG_SCHEMA_VERSION = PG_MIGRATIONS[PG_MIGRATIONS.length - 1]?.version ?? 0
