import type { BrowserWindowConstructorOptions } from 'electron'

/**
 * Pure parts of the Electron shell, unit-tested without the Electron binary
 * (tests/unit/window.test.ts).
 */
export function createWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    title: '资质包工作台 PacketDesk',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      // Chromium's built-in PDF viewer (the only plugin modern Chromium has): a letter prints
      // from its own PDF in a hidden frame (issue 13 item 3). Untested here: no Electron binary.
      plugins: true,
    },
  }
}

/** Hosts the app may open in the user's browser (platform help, trademark office, ICP). */
const EXTERNAL_HOST_ALLOW_LIST: readonly string[] = [
  'ad.xiaohongshu.com',
  'www.xiaohongshu.com',
  'pro.xiaohongshu.com',
  'sbj.cnipa.gov.cn',
  'wcjs.sbj.cnipa.gov.cn',
  'beian.miit.gov.cn',
]

export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  return (
    parsed.protocol === 'https:' &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.port === '' &&
    EXTERNAL_HOST_ALLOW_LIST.includes(parsed.hostname)
  )
}

function withoutFragment(url: string): string | null {
  try {
    const parsed = new URL(url)
    parsed.hash = ''
    parsed.search = ''
    return parsed.href
  } catch {
    return null
  }
}

/**
 * IPC calls are answered only for our own page: the renderer's index.html,
 * whatever its hash route. Any other frame (an injected iframe, a navigated
 * page) is refused.
 */
export function isTrustedSender(senderUrl: string | undefined, appUrl: string): boolean {
  if (!senderUrl) return false
  const sender = withoutFragment(senderUrl)
  return sender !== null && sender === withoutFragment(appUrl)
}

export type NavigationDecision = 'allow' | 'deny' | 'open-external'

/**
 * The window never navigates away from the app: in-app routes are hash
 * changes, which do not fire will-navigate. Allow-listed links go to the
 * system browser; everything else is dropped.
 */
export function decideNavigation(targetUrl: string, appUrl: string): NavigationDecision {
  if (isTrustedSender(targetUrl, appUrl)) return 'allow'
  if (isAllowedExternalUrl(targetUrl)) return 'open-external'
  return 'deny'
}

/** The part of a window's webContents that event forwarding uses. */
export interface EventRecipient {
  isDestroyed(): boolean
  getURL(): string
  send(channel: string, payload: unknown): void
}

/**
 * A backend event goes to every window showing our own page — the same check as for IPC calls,
 * so a window that somehow shows another page hears nothing. Returns how many were sent to.
 */
export function forwardEvent(
  recipients: readonly EventRecipient[],
  appUrl: string,
  channel: string,
  event: unknown,
): number {
  let sent = 0
  for (const contents of recipients) {
    if (contents.isDestroyed() || !isTrustedSender(contents.getURL(), appUrl)) continue
    contents.send(channel, event)
    sent++
  }
  return sent
}
