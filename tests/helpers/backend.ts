import { createBackend, type Backend } from '../../electron/services/backend'
import { tempDir } from './temp'

/** A real backend on a real SQLite file in a temp folder; `today` fixed unless given. */
export function testBackend(today = '2026-11-28'): {
  backend: Backend
  cleanup: () => void
  dir: string
} {
  const temp = tempDir()
  const backend = createBackend({ dataDir: temp.dir, today: () => today })
  return {
    backend,
    dir: temp.dir,
    cleanup: () => {
      backend.close()
      temp.cleanup()
    },
  }
}
