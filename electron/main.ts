import { join } from 'node:path'
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  protocol,
  session,
  shell,
} from 'electron'
import { CONTENT_SECURITY_POLICY } from '../shared/csp'
import { AppError } from '../shared/errors'
import { readStatic } from './host/static'
import { EVENT_CHANNEL, METHOD_NAMES } from '../shared/methods'
import { openBackend, type Backend } from './services/backend'
import { loginUrl } from './services/team/secrets'
import { keychainTeamSecrets } from './team-secrets'
import { sweepStalePartials } from './services/export/staging'
import { defaultExportDirs } from './services/handlers/exports'
import { dispatch } from './services/dispatch'
import { setWorkerSpawner } from './services/workers/pool'
import { utilitySpawner } from './utility-workers'
import { menuTemplate } from './menu'
import { createWindowOptions, decideNavigation, forwardEvent, isTrustedSender } from './window'

/**
 * The renderer is served from app://packetdesk/, a privileged custom scheme, not file://: the
 * page gets a real origin, and only files under out/renderer can be loaded (no other file on the
 * disk is reachable from it).
 */
const APP_SCHEME = 'app'
const APP_HOST = 'packetdesk'
const rendererDir = join(__dirname, '..', 'renderer')
const appUrl = `${APP_SCHEME}://${APP_HOST}/index.html`
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true } },
])
let backend: Backend | undefined
let mainWindow: BrowserWindow | undefined

function registerContract(active: Backend): void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(method, (event, input: unknown) => {
      if (!isTrustedSender(event.senderFrame?.url, appUrl)) {
        return { ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自未知页面的调用。' } }
      }
      return dispatch(active.handlers, method, input)
    })
  }
}

/** The backend's events (library.changed) to every app window, on the one event channel. */
function forwardEvents(active: Backend): void {
  active.events.subscribe((event) => {
    const contents = BrowserWindow.getAllWindows().map((window) => window.webContents)
    forwardEvent(contents, appUrl, EVENT_CHANNEL, event)
  })
}

function createMainWindow(): void {
  mainWindow = new BrowserWindow(
    createWindowOptions(join(__dirname, '..', 'preload', 'preload.js')),
  )
  mainWindow.once('ready-to-show', () => mainWindow?.show())
  void mainWindow.loadURL(appUrl)
}

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-navigate', (event, url) => {
    const decision = decideNavigation(url, appUrl)
    if (decision === 'allow') return
    event.preventDefault()
    if (decision === 'open-external') void shell.openExternal(url)
  })
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (decideNavigation(url, appUrl) === 'open-external') void shell.openExternal(url)
    return { action: 'deny' }
  })
})

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })

  void app.whenReady().then(async () => {
    // Before any file is decoded: workers are utility processes, not forks (RunAsNode is off).
    setWorkerSpawner(utilitySpawner)
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
      callback(false),
    )
    // Checks (e.g. clipboard, media) are refused too, not only requests.
    session.defaultSession.setPermissionCheckHandler(() => false)
    protocol.handle(APP_SCHEME, (request) => {
      const url = new URL(request.url)
      const file = url.host === APP_HOST ? readStatic(rendererDir, url.pathname) : null
      if (!file) return new Response('未找到。', { status: 404 })
      return new Response(new Uint8Array(file.body), {
        headers: {
          'Content-Type': file.contentType,
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
        },
      })
    })
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform)))
    const dataDir = process.env.PACKETDESK_DATA_DIR?.trim() || app.getPath('userData')
    try {
      // The team login kept by 设置 → 团队资料库 (safeStorage): the app opens on the team
      // library even when its server is away (calls then say so and it reconnects).
      const teamSecrets = keychainTeamSecrets(dataDir)
      const login = await teamSecrets.load()
      // The app is the data folder's writer; a CLI verb or host holding it is waited for.
      backend = await openBackend({
        dataDir,
        databaseUrl: login ? loginUrl(login) : undefined,
        teamStartup: 'lenient',
        teamSecrets,
        kind: 'PacketDesk 程序',
        // Scans are read after import in the background (issue 12), in the OCR worker.
        readScans: process.env.PACKETDESK_READ_SCANS !== '0',
        // The file store's sweep after the first page (a big library's takes seconds).
        sweep: 'after-start',
        // 今日's head computed while the page loads (local library).
        warmHome: true,
        // A native-module path from the environment is for development only: a packaged app
        // loads its own build, never a file someone else named.
        nativeBinding: app.isPackaged ? undefined : process.env.PACKETDESK_SQLITE_BINDING,
        // 在商标局网站查询: the fixed CTMO page in the system browser, the number on the
        // clipboard (the renderer's own clipboard access is refused by the permission handler).
        desktop: {
          openExternal: (url) => shell.openExternal(url),
          writeClipboard: (text) => {
            void clipboard.writeText(text)
          },
        },
      })
    } catch (error) {
      dialog.showErrorBox(
        'PacketDesk 无法打开资料库',
        error instanceof AppError ? error.message : String(error),
      )
      app.exit(1)
      return
    }
    // Crash leftovers in the default export folder: partial exports whose process is gone.
    for (const dir of defaultExportDirs()) void sweepStalePartials(dir)
    registerContract(backend)
    forwardEvents(backend)
    createMainWindow()
  })

  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', () => backend?.close())
}
