import { mkdirSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Handlers } from '../../../shared/contract'
import { AppError } from '../../../shared/errors'
import { exportPacket } from '../export'
import { openFolder } from '../export/open-folder'
import { recordAudit } from '../library/audit'
import { getEmailRecipient } from '../db/email-recipient'
import type { BackendContext } from './context'

type ExportMethods = 'exports.defaultDir' | 'exports.run' | 'exports.openFolder'

/** Where exports go unless the user picks another folder. */
export function defaultExportDir(): string {
  return join(homedir(), 'PacketDesk 导出')
}

export function exportHandlers(ctx: BackendContext): Pick<Handlers, ExportMethods> {
  /** Export folders this run created: the only folders the page may ask the OS to open. */
  const created = new Set<string>()
  return {
    'exports.defaultDir': async () => ({ dir: defaultExportDir() }),
    'exports.run': async ({ packetId, outDir, draft, watermark }) => {
      const dir = resolve(outDir)
      mkdirSync(dir, { recursive: true })
      const result = await exportPacket(ctx, packetId, dir, {
        draft: draft ?? false,
        watermark: watermark ?? true,
        today: ctx.today(),
        emailRecipient: getEmailRecipient(ctx.db),
      })
      created.add(resolve(result.folder))
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
