import { describe, expect, it } from 'vitest'
import {
  createWindowOptions,
  decideNavigation,
  forwardEvent,
  isAllowedExternalUrl,
  isTrustedSender,
} from '../../electron/window'
import { menuTemplate } from '../../electron/menu'

const APP = 'file:///opt/PacketDesk/out/renderer/index.html'

describe('window options', () => {
  it('isolates the renderer', () => {
    const prefs = createWindowOptions('/p/preload.js').webPreferences
    expect(prefs).toMatchObject({
      preload: '/p/preload.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    })
  })
})

describe('external links', () => {
  it.each([
    ['https://ad.xiaohongshu.com/help', true],
    ['https://sbj.cnipa.gov.cn/', true],
    ['http://ad.xiaohongshu.com/', false],
    ['https://ad.xiaohongshu.com.evil.example/', false],
    ['https://user:pw@ad.xiaohongshu.com/', false],
    ['https://ad.xiaohongshu.com:8443/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url)).toBe(allowed)
  })
})

describe('IPC sender check', () => {
  it.each([
    [APP, true],
    [`${APP}#/settings`, true],
    [`${APP}?x=1#/library`, true],
    ['file:///tmp/evil.html', false],
    ['https://example.com/', false],
    [undefined, false],
    ['', false],
  ])('%s → %s', (sender, trusted) => {
    expect(isTrustedSender(sender, APP)).toBe(trusted)
  })
})

describe('navigation guard', () => {
  it.each([
    [`${APP}#/packets`, 'allow'],
    ['https://ad.xiaohongshu.com/x', 'open-external'],
    ['https://example.com/', 'deny'],
    ['file:///tmp/other.html', 'deny'],
  ] as const)('%s → %s', (url, decision) => {
    expect(decideNavigation(url, APP)).toBe(decision)
  })
})

describe('menu', () => {
  it('has a quit item and Chinese labels on every platform', () => {
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const template = menuTemplate(platform)
      const items = template.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []))
      expect(items.some((i) => i.role === 'quit')).toBe(true)
      expect(template.map((m) => m.label)).toContain('编辑')
    }
  })
})

describe('the app:// origin (electron/main.ts serves the renderer from app://packetdesk/)', () => {
  const app = 'app://packetdesk/index.html'
  it('trusts only the app page, whatever its hash route', () => {
    expect(isTrustedSender('app://packetdesk/index.html#/library', app)).toBe(true)
    expect(isTrustedSender('app://packetdesk/other.html', app)).toBe(false)
    expect(isTrustedSender('app://elsewhere/index.html', app)).toBe(false)
    expect(isTrustedSender('file:///tmp/index.html', app)).toBe(false)
  })
  it('never navigates the window to a file:// page or another app:// host', () => {
    expect(decideNavigation('file:///etc/passwd', app)).toBe('deny')
    expect(decideNavigation('app://elsewhere/index.html', app)).toBe('deny')
    expect(decideNavigation('app://packetdesk/index.html#/packets', app)).toBe('allow')
  })
})

describe('event forwarding', () => {
  function recipient(url: string, destroyed = false) {
    const sent: [string, unknown][] = []
    return {
      sent,
      isDestroyed: () => destroyed,
      getURL: () => url,
      send: (channel: string, payload: unknown) => sent.push([channel, payload]),
    }
  }

  it('sends to every window showing the app, on the one channel, and to no other page', () => {
    const app = recipient(`${APP}#/library`)
    const second = recipient(`${APP}#/packets`)
    const foreign = recipient('https://example.com/')
    const gone = recipient(APP, true)
    const event = { type: 'library.changed', origin: 'local', at: '2026-11-28T00:00:00.000Z' }
    expect(forwardEvent([app, second, foreign, gone], APP, 'packetdesk:event', event)).toBe(2)
    expect(app.sent).toEqual([['packetdesk:event', event]])
    expect(second.sent).toEqual([['packetdesk:event', event]])
    expect(foreign.sent).toEqual([])
    expect(gone.sent).toEqual([])
  })
})
