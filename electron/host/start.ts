import { join } from 'node:path'
import { AppError } from '../../shared/errors'
import { openBackend } from '../services/backend'
import { describeOwner } from '../services/db/data-lock'
import { resolveDataDir } from '../services/paths'
import { sweepStalePartials } from '../services/export/staging'
import { defaultExportDirs } from '../services/handlers/exports'
import { openInBrowser } from './open-browser'
import { startHost } from './server'

/**
 * Entry of the browser host (out/main/host.js), started by `npm start` when
 * the Electron binary is missing. Prints one line with the URL and token.
 */
async function main(): Promise<void> {
  const env = process.env
  const dataDir = resolveDataDir(env)
  const port = env.PACKETDESK_PORT ? Number(env.PACKETDESK_PORT) : 0
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new AppError('INVALID_ARGUMENT', `PACKETDESK_PORT 无效：${env.PACKETDESK_PORT}`)
  }
  const backend = await openBackend({
    dataDir,
    // A team library for the run (设置 → 团队资料库 connects too; the host keeps no login).
    databaseUrl: env.PACKETDESK_DATABASE_URL?.trim() || undefined,
    teamStartup: 'lenient',
    kind: 'PacketDesk（浏览器版）',
    // Scans are read after import in the background (issue 12); PACKETDESK_READ_SCANS=0 turns
    // it off (a machine too small for the OCR's 1.5 GB).
    readScans: env.PACKETDESK_READ_SCANS !== '0',
    // The file store's sweep after the first page (a big library's takes seconds).
    sweep: 'after-start',
    // 今日's head computed while the page loads (local library).
    warmHome: true,
    onWait: (owner) => process.stderr.write(`数据文件夹${describeOwner(owner)}，正在等待其释放…\n`),
  })
  // Crash leftovers in the default export folder: partial exports whose process is gone.
  for (const dir of defaultExportDirs()) void sweepStalePartials(dir)
  const host = await startHost({
    handlers: backend.handlers,
    events: backend.events,
    staticDir: join(__dirname, '..', 'renderer'),
    port,
  })
  const reason = env.PACKETDESK_ELECTRON_REASON ? `${env.PACKETDESK_ELECTRON_REASON}\n` : ''
  process.stdout.write(
    `PacketDesk: ${host.url}\n${reason}数据文件夹 / data folder: ${dataDir}\n按 Ctrl+C 退出 / Ctrl+C to quit.\n`,
  )
  // The opener's command line is visible to other local users: it gets a one-time code, never
  // the token (which only the terminal above shows).
  if (env.PACKETDESK_NO_OPEN !== '1') openInBrowser(host.openerUrl(), env)

  const stop = (): void => {
    void host.close().finally(() => {
      backend.close()
      process.exit(0)
    })
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  const message = error instanceof AppError ? error.message : String(error)
  process.stderr.write(`PacketDesk 无法启动：${message}\n`)
  process.exit(1)
})
