import { mkdirSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve, sep } from 'node:path'
import type { Handlers } from '../../../shared/contract'
import { AppError } from '../../../shared/errors'
import type { Backend } from '../backend'
import { exportPacket } from '../export'
import { openFolder } from '../export/open-folder'
import { audit } from '../library/audit'
import type { BackendContext } from './context'

type ExportMethods = 'exports.defaultDir' | 'exports.run' | 'exports.openFolder'

/** Where exports go unless the user picks another folder. */
export function defaultExportDir(): string {
  return join(homedir(), 'PacketDesk 导出')
}

export function exportHandlers(
  ctx: BackendContext,
  backend: () => Backend,
): Pick<Handlers, ExportMethods> {
  /** Folders this run exported to: the only ones the page may ask the OS to open. */
  const roots = new Set<string>([defaultExportDir()])
  return {
    'exports.defaultDir': () => Promise.resolve({ dir: defaultExportDir() }),
    'exports.run': async ({ packetId, outDir, draft, watermark }) => {
      const dir = resolve(outDir)
      mkdirSync(dir, { recursive: true })
      const result = await exportPacket(backend(), packetId, dir, {
        draft: draft ?? false,
        watermark: watermark ?? true,
        today: ctx.today(),
      })
      roots.add(dir)
      audit(ctx.db, 'export', 'packet', packetId, draft ? 'draft' : '')
      return { folder: result.folder, files: result.manifest.files.length }
    },
    'exports.openFolder': ({ path }) => {
      const target = resolve(path)
      const allowed = [...roots].some((root) => target === root || target.startsWith(root + sep))
      if (!allowed) throw new AppError('FORBIDDEN', '只能打开导出文件夹。')
      openFolder(target)
      return Promise.resolve({ opened: true as const })
    },
  }
}
