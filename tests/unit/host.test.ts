import { mkdirSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { METHOD_NAMES } from '../../shared/methods'
import { resolveStaticPath } from '../../electron/host/static'
import { startTestHost, type TestHost } from '../helpers/host'
import { tempDir } from '../helpers/temp'

let running: TestHost
let cleanup: () => void
let base: string

beforeAll(async () => {
  const temp = tempDir()
  cleanup = temp.cleanup
  const staticDir = join(temp.dir, 'renderer')
  mkdirSync(staticDir)
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>t</title>')
  writeFileSync(join(temp.dir, 'secret.txt'), 'do not serve')
  running = await startTestHost(join(temp.dir, 'data'), staticDir)
  base = `http://127.0.0.1:${running.host.port}`
})
afterAll(async () => {
  await running.stop()
  cleanup()
})

function call(method: string, body: unknown, token: string | null = running.host.token) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' }
  if (token !== null) headers.Authorization = `Bearer ${token}`
  return fetch(`${base}/api/${method}`, { method: 'POST', headers, body: JSON.stringify(body) })
}

/** Raw request, to send a Host header fetch would not let us forge. */
function rawGet(path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: running.host.port, path, headers: { Host: host } },
      (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      },
    )
    req.on('error', reject)
    req.end()
  })
}

describe('browser host', () => {
  it('listens on loopback only and prints a URL with the token in the fragment', () => {
    expect(running.host.server.address()).toMatchObject({ address: '127.0.0.1' })
    expect(running.host.url).toBe(`${base}/#token=${running.host.token}`)
    expect(running.host.token.length).toBeGreaterThanOrEqual(40)
  })

  it('answers 401 without a token or with a wrong one, and runs nothing', async () => {
    const none = await call('settings.setLanguage', { language: 'en' }, null)
    expect(none.status).toBe(401)
    expect(await none.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } })
    const wrong = await call('settings.setLanguage', { language: 'en' }, 'x'.repeat(43))
    expect(wrong.status).toBe(401)
    const short = await call('settings.setLanguage', { language: 'en' }, 'abc')
    expect(short.status).toBe(401)
    const settings = await (await call('settings.get', {})).json()
    expect(settings).toEqual({ ok: true, value: { language: 'zh-CN' } })
  })

  it('serves every contract method (answering, or refusing the empty payload by field)', async () => {
    for (const method of METHOD_NAMES) {
      const response = await call(method, {})
      const body = (await response.json()) as { ok: boolean; error?: { code: string } }
      if (body.ok) expect(response.status, method).toBe(200)
      else expect(body.error?.code, method).toBe('INVALID_ARGUMENT')
    }
    const set = await call('settings.setLanguage', { language: 'zh-CN' })
    expect(await set.json()).toMatchObject({ ok: true })
  })

  it('refuses an invalid payload naming the field, unknown methods, and bad JSON', async () => {
    const invalid = await call('settings.setLanguage', { language: 'xx' })
    expect(invalid.status).toBe(400)
    expect(await invalid.json()).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', field: 'language' },
    })
    const unknown = await call('files.deleteEverything', {})
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
    const badJson = await fetch(`${base}/api/settings.get`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${running.host.token}` },
      body: '{not json',
    })
    expect(badJson.status).toBe(400)
    const get = await fetch(`${base}/api/settings.get`, {
      headers: { Authorization: `Bearer ${running.host.token}` },
    })
    expect(get.status).toBe(405)
  })

  it('serves the renderer with the CSP header and nothing outside its folder', async () => {
    const index = await fetch(`${base}/`)
    expect(index.status).toBe(200)
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(index.headers.get('x-content-type-options')).toBe('nosniff')
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const response = await fetch(`${base}${path}`)
      expect(response.status, path).toBe(404)
    }
    expect(resolveStaticPath('/srv/r', '/..%2f..%2fetc/passwd')).toBeNull()
    expect(resolveStaticPath('/srv/r', '/a%00b')).toBeNull()
  })

  it('refuses foreign Host headers (DNS rebinding)', async () => {
    expect(await rawGet('/', `127.0.0.1:${running.host.port}`)).toBe(200)
    expect(await rawGet('/', `evil.example:${running.host.port}`)).toBe(421)
  })
})

describe('browser host sign-in', () => {
  it('a one-time code becomes a session cookie once; the cookie then calls the API', async () => {
    const dir = tempDir()
    const test = await startTestHost(dir.dir)
    try {
      const base = `http://127.0.0.1:${test.host.port}`
      const code = /#code=(.+)$/.exec(test.host.openerUrl())?.[1] ?? ''
      const signIn = (body: unknown, headers: Record<string, string> = {}) =>
        fetch(`${base}/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify(body),
        })
      const first = await signIn({ code })
      expect(first.status).toBe(200)
      const cookie = first.headers.get('set-cookie') ?? ''
      expect(cookie).toMatch(/^pd_session=[^;]+; HttpOnly; SameSite=Strict; Path=\//)
      expect((await signIn({ code })).status).toBe(401)
      expect((await signIn({ token: 'wrong' })).status).toBe(401)
      expect(
        (await signIn({ token: test.host.token }, { origin: 'http://evil.example' })).status,
      ).toBe(403)
      const session = cookie.split(';')[0] ?? ''
      const api = (headers: Record<string, string>) =>
        fetch(`${base}/api/system.info`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: '{}',
        })
      expect((await api({ cookie: session })).status).toBe(200)
      expect((await api({ cookie: 'pd_session=forged' })).status).toBe(401)
      expect((await api({})).status).toBe(401)
    } finally {
      await test.stop()
      dir.cleanup()
    }
  })
})
