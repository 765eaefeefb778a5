import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { resolveDataDir } from '../services/paths'
import { parseDatabaseUrl } from '../services/team/database-url'
import type { CliIo } from './io'

/** Where a verb's library is: `--data-dir DIR`, or a team library by `--database-url URL`. */
export const LIBRARY_OPTIONS = {
  'data-dir': { type: 'string' },
  'database-url': { type: 'string' },
} as const

export interface LibraryLocation {
  /** The local data folder: the library itself, or (team) this machine's settings and cache. */
  dataDir: string
  /** The team library (PostgreSQL), when the verb works on one. */
  databaseUrl?: string
}

/**
 * `--database-url` (or PACKETDESK_DATABASE_URL when no --data-dir is given) means the team
 * library, in place of a data folder; its files are cached in a folder of their own under the
 * default data folder (one per server, database and clerk), or in --data-dir when given.
 */
export function libraryLocation(
  values: { 'data-dir'?: string | undefined; 'database-url'?: string | undefined },
  io: CliIo,
): LibraryLocation {
  const url =
    values['database-url'] ??
    (values['data-dir'] === undefined ? io.env.PACKETDESK_DATABASE_URL?.trim() : undefined)
  if (!url) return { dataDir: values['data-dir'] ?? resolveDataDir(io.env) }
  const parsed = parseDatabaseUrl(url, 'database-url')
  const key = createHash('sha256')
    .update(`${parsed.host}${parsed.pathname}?${parsed.username}`)
    .digest('hex')
    .slice(0, 16)
  return {
    dataDir: values['data-dir'] ?? join(resolveDataDir(io.env), 'team', key),
    databaseUrl: url,
  }
}
