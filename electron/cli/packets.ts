import { parseArgs } from 'node:util'
import { createBackend } from '../services/backend'
import { listPackets } from '../services/packets/packets'
import { resolveDataDir } from '../services/paths'
import type { CliIo } from './io'

/** `packets --data-dir D`: [{id, accountName, route, ready}] for scripts. */
export async function packetsVerb(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string' } }, strict: true })
  const backend = createBackend({ dataDir: values['data-dir'] ?? resolveDataDir(io.env) })
  try {
    // The same plan the app shows (packets.plan), one packet at a time.
    const rows = []
    for (const p of listPackets(backend.db)) {
      const { plan } = await backend.handlers['packets.plan']({ id: p.id })
      rows.push({ id: p.id, accountName: p.accountName, route: plan.route, ready: plan.ready })
    }
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`)
    return 0
  } finally {
    backend.close()
  }
}
