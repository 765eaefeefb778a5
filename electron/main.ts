import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron'
import { AppError } from '../shared/errors'
import { METHOD_NAMES } from '../shared/methods'
import { openBackend, type Backend } from './services/backend'
import { sweepStalePartials } from './services/export/staging'
import { defaultExportDir } from './services/handlers/exports'
import { dispatch } from './services/dispatch'
import { menuTemplate } from './menu'
import { createWindowOptions, decideNavigation, isTrustedSender } from './window'

const rendererIndex = join(__dirname, '..', 'renderer', 'index.html')
const appUrl = pathToFileURL(rendererIndex).href
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

function createMainWindow(): void {
  mainWindow = new BrowserWindow(
    createWindowOptions(join(__dirname, '..', 'preload', 'preload.js')),
  )
  mainWindow.once('ready-to-show', () => mainWindow?.show())
  void mainWindow.loadFile(rendererIndex)
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
    session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
      callback(false),
    )
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform)))
    const dataDir = process.env.PACKETDESK_DATA_DIR?.trim() || app.getPath('userData')
    try {
      // The app is the data folder's writer; a CLI verb or host holding it is waited for.
      backend = await openBackend({
        dataDir,
        kind: 'PacketDesk 程序',
        nativeBinding: process.env.PACKETDESK_SQLITE_BINDING,
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
    void sweepStalePartials(defaultExportDir())
    registerContract(backend)
    createMainWindow()
  })

  app.on('window-all-closed', () => app.quit())
  app.on('will-quit', () => backend?.close())
}
