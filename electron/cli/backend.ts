import { describeOwner } from '../services/db/data-lock'
import { openBackend, type Backend } from '../services/backend'
import type { CliIo } from './io'
import type { LibraryLocation } from './library-location'

/**
 * The backend of a CLI verb. A writing verb (it stores files: demo, letters) is the data
 * folder's one writer: while the app, the host or another verb holds the lock it waits —
 * PACKETDESK_LOCK_WAIT_MS, 30 s by default — saying who holds it. A reading verb takes no lock
 * and never sweeps the file store. On a team library (--database-url) the lock is the local
 * cache folder's; the server serialises the writes.
 */
export function cliBackend(
  io: CliIo,
  location: LibraryLocation,
  access: 'write' | 'read',
  verb: string,
): Promise<Backend> {
  const wait = Number(io.env.PACKETDESK_LOCK_WAIT_MS)
  return openBackend({
    ...location,
    access,
    kind: `命令行 ${verb}`,
    ...(Number.isFinite(wait) && wait >= 0 ? { waitMs: wait } : {}),
    onWait: (owner) => io.stderr(`数据文件夹${describeOwner(owner)}，正在等待其释放…\n`),
  })
}
