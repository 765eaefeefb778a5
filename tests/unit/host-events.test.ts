import { mkdirSync, writeFileSync } from 'node:fs'
import { request, type ClientRequest, type IncomingMessage } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseLibraryEvent, type LibraryEvent } from '../../shared/events'
import { createBackend, type Backend } from '../../electron/services/backend'
import { startHost, type RunningHost } from '../../electron/host/server'
import { tempDir } from '../helpers/temp'

let backend: Backend
let host: RunningHost
let cleanup: () => void

beforeAll(async () => {
  const temp = tempDir()
  cleanup = temp.cleanup
  const staticDir = join(temp.dir, 'renderer')
  mkdirSync(staticDir)
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>t</title>')
  backend = createBackend({ dataDir: join(temp.dir, 'data') })
  host = await startHost({
    handlers: backend.handlers,
    events: backend.events,
    staticDir,
    eventStreams: { maxStreams: 2, heartbeatMs: 100 },
  })
})
afterAll(async () => {
  await host.close()
  backend.close()
  cleanup()
})

/** An open event stream: what it received so far, parsed into comments and events. */
interface Stream {
  status: number
  headers: IncomingMessage['headers']
  text: () => string
  events: () => LibraryEvent[]
  close: () => void
  req: ClientRequest
}

function openStream(headers: Record<string, string>, method = 'GET'): Promise<Stream> {
  return new Promise((resolve, reject) => {
    let body = ''
    const req = request(
      { host: '127.0.0.1', port: host.port, path: '/api/events', method, headers },
      (res) => {
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('error', () => undefined)
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: () => body,
          events: () =>
            body
              .split('\n\n')
              .filter((block) => block.startsWith('data: '))
              .map((block) => parseLibraryEvent(JSON.parse(block.slice('data: '.length))))
              .filter((e): e is LibraryEvent => e !== null),
          close: () => req.destroy(),
          req,
        })
      },
    )
    req.on('error', (error) => {
      if (!req.destroyed) reject(error)
    })
    req.end()
  })
}

const bearer = (): Record<string, string> => ({ Authorization: `Bearer ${host.token}` })

function call(method: string, body: unknown) {
  return fetch(`http://127.0.0.1:${host.port}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...bearer() },
    body: JSON.stringify(body),
  })
}

async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('GET /api/events (server-sent events on the browser host)', () => {
  it('refuses a stream without the token or with a wrong one, and subscribes nothing', async () => {
    const none = await openStream({})
    expect(none.status).toBe(401)
    const wrong = await openStream({ Authorization: 'Bearer not-the-token' })
    expect(wrong.status).toBe(401)
    const cookie = await openStream({ Cookie: 'pd_session=forged' })
    expect(cookie.status).toBe(401)
    expect(backend.events.listenerCount).toBe(0)
  })

  it('with the token: an event after a mutating call, none after a read', async () => {
    const stream = await openStream(bearer())
    try {
      expect(stream.status).toBe(200)
      expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8')
      expect(stream.headers['cache-control']).toBe('no-store')
      await until(() => stream.text().includes(': connected'), 'the stream to open')
      expect((await call('companies.list', {})).status).toBe(200)
      const saved = await call('companies.save', {
        name: '上海青禾文化传媒有限公司',
        region: 'domestic',
        businessScope: '广告设计、代理',
      })
      expect(saved.status).toBe(200)
      await until(() => stream.events().length > 0, 'an event')
      // A refused write changes nothing and says nothing.
      expect((await call('library.delete', { kind: 'company', id: 'nope' })).status).toBe(404)
      await new Promise((resolve) => setTimeout(resolve, 150))
      expect(stream.events()).toHaveLength(1)
      expect(stream.events()[0]).toMatchObject({ type: 'library.changed', origin: 'local' })
      // Nothing personal on the wire: the company's name is not in the stream.
      expect(stream.text()).not.toContain('青禾')
    } finally {
      stream.close()
    }
  })

  it('with the session cookie a tab gets from /session (what EventSource sends)', async () => {
    const signIn = await fetch(`http://127.0.0.1:${host.port}/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: host.token }),
    })
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
    expect(cookie).toMatch(/^pd_session=/)
    const stream = await openStream({ Cookie: cookie })
    try {
      expect(stream.status).toBe(200)
      await until(() => stream.text().includes(': connected'), 'the stream to open')
      backend.events.emitExternal(['companies'])
      await until(() => stream.events().length === 1, 'the team event')
      expect(stream.events()[0]).toMatchObject({ origin: 'team', tables: ['companies'] })
    } finally {
      stream.close()
    }
  })

  it('sends heartbeats on a quiet stream', async () => {
    const stream = await openStream(bearer())
    try {
      await until(() => stream.text().split(': heartbeat').length > 2, 'two heartbeats')
    } finally {
      stream.close()
    }
  })

  it('limits concurrent streams and frees a slot (and its subscription) on disconnect', async () => {
    await until(() => backend.events.listenerCount === 0, 'earlier streams to be cleaned up')
    const first = await openStream(bearer())
    const second = await openStream(bearer())
    const third = await openStream(bearer())
    expect([first.status, second.status, third.status]).toEqual([200, 200, 503])
    expect(backend.events.listenerCount).toBe(2)
    first.close()
    await until(() => backend.events.listenerCount === 1, 'the closed stream to unsubscribe')
    const fourth = await openStream(bearer())
    expect(fourth.status).toBe(200)
    second.close()
    fourth.close()
    await until(() => backend.events.listenerCount === 0, 'every stream to unsubscribe')
  })

  it('answers only GET', async () => {
    const post = await openStream(bearer(), 'POST')
    expect(post.status).toBe(405)
  })
})
