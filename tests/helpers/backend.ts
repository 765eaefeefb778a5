import { createBackend, type Backend } from '../../electron/services/backend'
import { loadDemo } from '../../electron/services/demo/demo'
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

/** A test backend holding the demo library (electron/services/demo), as of `today`. */
export async function demoBackend(
  today = '2026-11-28',
): Promise<{ backend: Backend; cleanup: () => void; dir: string }> {
  const t = testBackend(today)
  await loadDemo(t.backend, today)
  return t
}
