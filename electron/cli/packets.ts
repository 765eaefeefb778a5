import { parseArgs } from 'node:util'
import { todayIn } from '../../shared/dates'
import { plan } from '../../shared/rules/plan'
import { createBackend } from '../services/backend'
import { listPackets } from '../services/packets/packets'
import { buildScenario } from '../services/packets/scenario'
import { resolveDataDir } from '../services/paths'
import type { CliIo } from './io'

/** `packets --data-dir D`: [{id, accountName, route, ready}] for scripts. */
export function packetsVerb(args: string[], io: CliIo): number {
  const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string' } }, strict: true })
  const backend = createBackend({ dataDir: values['data-dir'] ?? resolveDataDir(io.env) })
  try {
    const catalog = backend.catalog()
    const today = todayIn()
    const rows = listPackets(backend.db).map((p) => {
      const result = plan(buildScenario(backend.db, p.id, today), catalog)
      return { id: p.id, accountName: p.accountName, route: result.route, ready: result.ready }
    })
    io.stdout(`${JSON.stringify(rows, null, 2)}\n`)
    return 0
  } finally {
    backend.close()
  }
}
