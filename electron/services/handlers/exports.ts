import { mkdirSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Handlers } from '../../../shared/contract'
import { AppError } from '../../../shared/errors'
import type { Language } from '../../../shared/contract'
import { getExportDir, getLanguage, setExportDir } from '../db/settings'
import { exportPacket } from '../export'
import { checkExportDir } from '../export/check-dir'
import { openFolder } from '../export/open-folder'
import { recordAudit } from '../library/audit'
import { getEmailRecipient } from '../db/email-recipient'
import type { BackendContext } from './context'

type ExportMethods =
  'exports.defaultDir' | 'exports.checkDir' | 'exports.run' | 'exports.openFolder'

/** Where exports go unless the user picks another folder: named in the app's language (item 18). */
function defaultExportDir(language: Language = 'zh-CN'): string {
  return join(homedir(), language === 'en' ? 'PacketDesk exports' : 'PacketDesk 导出')
}

/** Both languages' default folders (the start-up sweep of half-written exports looks in each). */
export function defaultExportDirs(): string[] {
  return [defaultExportDir('zh-CN'), defaultExportDir('en')]
}

export function exportHandlers(ctx: BackendContext): Pick<Handlers, ExportMethods> {
  /** Export folders this run created: the only folders the page may ask the OS to open. */
  const created = new Set<string>()
  return {
    'exports.defaultDir': async () => {
      const remembered = getExportDir(ctx.db)
      return {
        dir: remembered ?? defaultExportDir(getLanguage(ctx.db)),
        defaultDir: defaultExportDir(getLanguage(ctx.db)),
        remembered: remembered !== null,
      }
    },
    'exports.checkDir': async ({ path }) => checkExportDir(path),
    'exports.run': async ({ packetId, outDir, draft, watermark }) => {
      const dir = resolve(outDir)
      const usable = checkExportDir(dir)
      if (!usable.ok) throw new AppError('INVALID_ARGUMENT', usable.message)
      mkdirSync(dir, { recursive: true })
      const result = await exportPacket(ctx, packetId, dir, {
        draft: draft ?? false,
        watermark: watermark ?? true,
        today: ctx.today(),
        emailRecipient: getEmailRecipient(ctx.db),
      })
      created.add(resolve(result.folder))
      setExportDir(ctx.db, dir)
      await recordAudit(ctx.library.db, 'export', 'packet', packetId, draft ? 'draft' : '')
      return { folder: result.folder, files: result.manifest.files.length }
    },
    'exports.openFolder': async ({ path }) => {
      const target = resolve(path)
      if (!created.has(target)) throw new AppError('FORBIDDEN', '只能打开本次导出的文件夹。')
      openFolder(target)
      return { opened: true as const }
    },
  }
}
