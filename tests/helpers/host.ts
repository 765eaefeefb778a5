import { join } from 'node:path'
import { createBackend, type Backend } from '../../electron/services/backend'
import { startHost, type RunningHost } from '../../electron/host/server'
import { PROJECT_ROOT } from './cli'

const RENDERER_DIR = join(PROJECT_ROOT, 'out', 'renderer')

export interface TestHost {
  backend: Backend
  host: RunningHost
  stop: () => Promise<void>
}

/**
 * A real backend on a real data folder behind the real browser host. `readScans`: read imported
 * scans in the background as the app does (OCR in a worker, ~1.5 GB); off unless a test asks.
 */
export async function startTestHost(
  dataDir: string,
  staticDir = RENDERER_DIR,
  options: { readScans?: boolean } = {},
): Promise<TestHost> {
  const backend = createBackend({ dataDir, readScans: options.readScans === true })
  const host = await startHost({ handlers: backend.handlers, events: backend.events, staticDir })
  return {
    backend,
    host,
    stop: async () => {
      await host.close()
      backend.close()
    },
  }
}
