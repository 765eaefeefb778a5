import { createBackend, openBackend, type Backend } from '../../electron/services/backend'
import { loadDemo } from '../../electron/services/demo/demo'
import { teamInit } from '../../electron/services/team/init'
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

/**
 * The engine the backend suite runs on: the embedded SQLite library (project `unit`), or a
 * team library on the throwaway PostgreSQL cluster (project `backend-pg` sets
 * PACKETDESK_TEST_ENGINE=postgres). The same test files run on both: parameterised, not copied.
 */
export const SUITE_ENGINE: 'sqlite' | 'postgres' =
  process.env.PACKETDESK_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite'

/** A real backend on the suite's engine; the data folder is a temp folder either way. */
export async function suiteBackend(
  today = '2026-11-28',
  engine: 'sqlite' | 'postgres' = SUITE_ENGINE,
): Promise<{
  backend: Backend
  cleanup: () => Promise<void>
  dir: string
}> {
  if (engine === 'sqlite') {
    const t = testBackend(today)
    return { ...t, cleanup: () => Promise.resolve(t.cleanup()) }
  }
  // Imported here: only the postgres project has the cluster (vitest inject) behind it.
  const { freshDatabase } = await import('./team')
  const url = await freshDatabase('suite')
  await teamInit(url)
  const temp = tempDir()
  const backend = await openBackend({ dataDir: temp.dir, databaseUrl: url, today: () => today })
  return {
    backend,
    dir: temp.dir,
    cleanup: async () => {
      backend.close()
      await backend.context.library.close()
      temp.cleanup()
    },
  }
}

/** The same, holding the demo library. */
export async function suiteDemoBackend(today = '2026-11-28'): Promise<{
  backend: Backend
  cleanup: () => Promise<void>
  dir: string
}> {
  const t = await suiteBackend(today)
  await loadDemo(t.backend, today)
  return t
}

/** The audit log through the storage port (either engine), oldest first. */
export async function auditRows(
  backend: Backend,
): Promise<{ action: string; entity_kind: string; entity_id: string; detail: string }[]> {
  return backend.context.library.db
    .selectFrom('audit_log')
    .select(['action', 'entity_kind', 'entity_id', 'detail'])
    .orderBy('id')
    .execute()
}

/** How many rows a library table holds, through the storage port (either engine). */
export async function rowCount(
  backend: Backend,
  table: 'files' | 'persons' | 'documents' | 'companies' | 'letters',
): Promise<number> {
  const { n } = await backend.context.library.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow()
  return Number(n)
}
