import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Handlers } from '../../../shared/contract'
import { createBackup } from '../backup/backup'
import { audit } from '../library/audit'
import { schemaVersion } from '../db/open'
import { getLanguage, setLanguage } from '../db/settings'
import { teamHasNoLocalBackup } from '../team/open'
import { APP_VERSION } from '../version'
import type { BackendContext } from './context'

type SystemMethods = 'system.info' | 'system.backup' | 'settings.get' | 'settings.setLanguage'

export function systemHandlers(ctx: BackendContext): Pick<Handlers, SystemMethods> {
  const { db, dataDir } = ctx
  return {
    'system.backup': async ({ outDir }) => {
      if (ctx.library.engine === 'postgres') throw teamHasNoLocalBackup()
      mkdirSync(outDir, { recursive: true })
      const stamp = new Date().toISOString().slice(0, 19).replace('T', '_').replace(/:/g, '')
      // Named in the app's language (issue 13 item 18).
      const name = getLanguage(db) === 'en' ? 'PacketDesk-backup' : 'PacketDesk备份'
      const result = await createBackup(db, ctx.store, join(outDir, `${name}_${stamp}.tar`))
      audit(db, 'backup', 'library', '', `${result.files} file(s)`)
      return result
    },
    'system.info': async () => {
      // A deferred start-up sweep is run now, or waited for: its figures are what this reports.
      const health = await ctx.storeHealth?.()
      return {
        appVersion: APP_VERSION,
        dataDir,
        sqliteVersion: (db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v,
        schemaVersion: schemaVersion(db),
        filesMissing: health?.missing ?? 0,
        orphansRemoved: health?.orphansRemoved ?? 0,
      }
    },
    'settings.get': async () => ({ language: getLanguage(db) }),
    'settings.setLanguage': async ({ language }) => {
      setLanguage(db, language)
      return { language: getLanguage(db) }
    },
  }
}
