import { parseArgs } from 'node:util'
import { todayIn } from '../../shared/dates'
import { AppError } from '../../shared/errors'
import { cliBackend } from './backend'
import { loadDemo } from '../services/demo/demo'
import { resolveDataDir } from '../services/paths'
import type { CliIo } from './io'

export async function demoVerb(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { 'data-dir': { type: 'string' } }, strict: true })
  const dataDir = values['data-dir'] ?? resolveDataDir(io.env)
  let backend
  try {
    backend = await cliBackend(io, dataDir, 'write', 'demo')
    const summary = await loadDemo(backend, todayIn())
    io.stdout(`${JSON.stringify({ dataDir, ...summary }, null, 2)}\n`)
    return 0
  } catch (error) {
    if (error instanceof AppError) {
      io.stderr(`${error.message}\n`)
      return 1
    }
    throw error
  } finally {
    backend?.close()
  }
}
