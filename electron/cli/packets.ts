import { parseArgs } from 'node:util'
import { cliBackend } from './backend'
import { LIBRARY_OPTIONS, libraryLocation } from './library-location'
import { call } from './call'
import type { CliIo } from './io'

/** `packets [--data-dir D | --database-url URL]`: [{id, accountName, route, ready}]. */
export async function packetsVerb(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: LIBRARY_OPTIONS, strict: true })
  const backend = await cliBackend(io, libraryLocation(values, io), 'read', 'packets')
  try {
    // The packet list the app shows, each with its state by the one definition of ready.
    const rows = (await call(backend, 'packets.list', {})).map((p) => ({
      id: p.id,
      accountName: p.accountName,
      route: p.route,
      ready: p.ready,
    }))
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`)
    return 0
  } finally {
    backend.close()
  }
}
