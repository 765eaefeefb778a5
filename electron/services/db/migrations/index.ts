import type { Migration } from '../migration'
import { migration0001 } from './0001-settings'
import { migration0002 } from './0002-library'
import { migration0003 } from './0003-packets'
import { migration0004 } from './0004-search-keys'
import { migration0005 } from './0005-letters'
import { migration0006 } from './0006-user-industries'
import { migration0007 } from './0007-letter-templates'
import { migration0008 } from './0008-document-names'
import { migration0009 } from './0009-template-wording'
import { migration0010 } from './0010-audit-origin'
import { migration0011 } from './0011-row-versions'
import { migration0012 } from './0012-packet-trademark-order'
import { migration0013 } from './0013-packet-queue'
import { migration0014 } from './0014-search-numbers'
import { migration0015 } from './0015-account-industry-query-date'
import { migration0016 } from './0016-document-preferred-at'
import { migration0017 } from './0017-relation-ends'
import { migration0018 } from './0018-document-valid-until'

/** Every migration, in order. Append only: never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
  migration0014,
  migration0015,
  migration0016,
  migration0017,
  migration0018,
]

/** The last migration's version (numbers are given out ahead, so the list may have gaps). */
export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0
