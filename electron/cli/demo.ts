import { parseArgs } from 'node:util'
import { todayIn } from '../../shared/dates'
import { AppError } from '../../shared/errors'
import { cliBackend } from './backend'
import { loadDemo } from '../services/demo/demo'
import { redactDatabaseUrl } from '../services/team/database-url'
import { LIBRARY_OPTIONS, libraryLocation } from './library-location'
import type { CliIo } from './io'

export async function demoVerb(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: LIBRARY_OPTIONS, strict: true })
  const location = libraryLocation(values, io)
  let backend
  try {
    backend = await cliBackend(io, location, 'write', 'demo')
    const summary = await loadDemo(backend, todayIn())
    const where = location.databaseUrl
      ? { databaseUrl: redactDatabaseUrl(location.databaseUrl) }
      : { dataDir: location.dataDir }
    io.stdout(`${JSON.stringify({ ...where, ...summary }, null, 2)}\n`)
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
