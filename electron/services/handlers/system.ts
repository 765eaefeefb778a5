import type { Handlers } from '../../../shared/contract'
import { schemaVersion } from '../db/open'
import { getLanguage, setLanguage } from '../db/settings'
import { APP_VERSION } from '../version'
import type { BackendContext } from './context'

export function systemHandlers({
  db,
  dataDir,
  storeHealth,
}: BackendContext): Pick<Handlers, 'system.info' | 'settings.get' | 'settings.setLanguage'> {
  return {
    'system.info': async () => ({
      appVersion: APP_VERSION,
      dataDir,
      sqliteVersion: (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v,
      schemaVersion: schemaVersion(db),
      filesMissing: storeHealth?.missing ?? 0,
      orphansRemoved: storeHealth?.orphansRemoved ?? 0,
    }),
    'settings.get': async () => ({ language: getLanguage(db) }),
    'settings.setLanguage': async ({ language }) => {
      setLanguage(db, language)
      return { language: getLanguage(db) }
    },
  }
}
