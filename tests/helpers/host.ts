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

/** A real backend on a real data folder behind the real browser host. */
export async function startTestHost(dataDir: string, staticDir = RENDERER_DIR): Promise<TestHost> {
  const backend = createBackend({ dataDir })
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
