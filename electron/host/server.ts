import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Handlers } from '../../shared/contract'
import { MAX_IMPORT_BASE64_CHARS } from '../../shared/limits'
import { CONTENT_SECURITY_POLICY } from '../../shared/csp'
import type { Envelope, WireError } from '../../shared/errors'
import { dispatch } from '../services/dispatch'
import type { LibraryEventSource } from '../services/events'
import { EventStreams, type EventStreamOptions } from './event-stream'
import { Gate } from './gate'
import { HostSessions, sessionCookie } from './sessions'
import { readStatic } from './static'

/** Loopback only: the host serves personal data and must not be reachable from the LAN. */
const HOST_ADDRESS = '127.0.0.1'
/** A file import arrives base64-encoded in JSON: room for the largest import plus envelope. */
const MAX_BODY_BYTES = MAX_IMPORT_BASE64_CHARS + 64 * 1024
const API_PREFIX = '/api/'
const SESSION_PATH = '/session'
/** The backend's events as server-sent events (not a contract method: method names have a dot). */
const EVENTS_PATH = '/api/events'

export interface HostOptions {
  handlers: Handlers
  /** The backend's event bus: `GET /api/events` streams it to the signed-in tabs. */
  events: LibraryEventSource
  /** Limits of the event streams (tests make the heartbeat quick). */
  eventStreams?: EventStreamOptions
  /** The built renderer (out/renderer). */
  staticDir: string
  /** Defaults to a fresh random token. */
  token?: string
  /** 0 picks a free port. */
  port?: number
}

export interface RunningHost {
  server: Server
  port: number
  token: string
  /** For the terminal of the user who started the host: `…/#token=TOKEN`. */
  url: string
  /** For the browser opener (its command line is public): `…/#code=ONE-TIME-CODE`. */
  openerUrl(): string
  close(): Promise<void>
}

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
}

function send(res: ServerResponse, status: number, body: Buffer | string, type: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' })
  res.end(body)
}

function sendJson(res: ServerResponse, status: number, envelope: Envelope<unknown>): void {
  send(res, status, JSON.stringify(envelope), 'application/json; charset=utf-8')
}

function sendError(res: ServerResponse, status: number, error: WireError): void {
  sendJson(res, status, { ok: false, error })
}

/** A page on another site could point a DNS name at 127.0.0.1: accept our own host names only. */
function hostAllowed(hostHeader: string | undefined, port: number): boolean {
  return hostHeader === `${HOST_ADDRESS}:${port}` || hostHeader === `localhost:${port}`
}

/** Requests above this size (file imports) go through the host's gate, two at a time. */
const LARGE_BODY_BYTES = 1024 * 1024
const LARGE_BODIES_AT_ONCE = 2

function declaredLength(req: IncomingMessage): number | null {
  const header = req.headers['content-length']
  if (header === undefined || !/^\d+$/.test(header)) return null
  return Number(header)
}

/**
 * The body, or null past `limit`. A declared length over the limit is refused before reading a
 * byte; a declared length is read into one buffer of that size (no chunk list + concat copy).
 */
async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer | null> {
  const declared = declaredLength(req)
  if (declared !== null && declared > limit) {
    req.resume()
    return null
  }
  if (declared !== null) {
    const body = Buffer.allocUnsafe(declared)
    let size = 0
    for await (const chunk of req) {
      const data = chunk as Buffer
      if (size + data.length > declared) return null
      data.copy(body, size)
      size += data.length
    }
    return size === declared ? body : body.subarray(0, size)
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > limit) return null
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

const STATUS_OF: Partial<Record<WireError['code'], number>> = {
  INVALID_ARGUMENT: 400,
  UNKNOWN_METHOD: 404,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INTERNAL: 500,
}

/**
 * POST /session {code} or {token}: a one-time code (or the token) becomes a session cookie.
 * Same-origin only: another site's page cannot sign a tab in.
 */
async function handleSignIn(
  req: IncomingMessage,
  res: ServerResponse,
  sessions: HostSessions,
): Promise<void> {
  const origin = req.headers.origin
  if (req.method !== 'POST' || (origin !== undefined && origin !== `http://${req.headers.host}`)) {
    sendError(res, 403, { code: 'FORBIDDEN', message: '不接受的登录请求。' })
    return
  }
  const body = await readBody(req, 4096)
  let credential: { code?: unknown; token?: unknown } = {}
  try {
    credential = body ? (JSON.parse(body.toString('utf8')) as typeof credential) : {}
  } catch {
    // an empty credential is refused below
  }
  const session = sessions.signIn(credential ?? {})
  if (!session) {
    sendError(res, 401, { code: 'UNAUTHORIZED', message: '登录码无效或已用过。' })
    return
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Set-Cookie': sessionCookie(session),
  })
  res.end(JSON.stringify({ ok: true, value: null }))
}

async function handleApi(
  req: IncomingMessage,
  res: ServerResponse,
  handlers: Handlers,
  method: string,
  gate: Gate,
): Promise<void> {
  if (req.method !== 'POST') {
    sendError(res, 405, { code: 'INVALID_ARGUMENT', message: '只接受 POST 请求。' })
    return
  }
  const declared = declaredLength(req)
  if (declared !== null && declared <= LARGE_BODY_BYTES) {
    await answerApi(req, res, handlers, method)
    return
  }
  // Large or of unknown length: read and handled only when the gate lets it through.
  await gate.run(() => answerApi(req, res, handlers, method))
}

/**
 * The request's JSON, or null when it is not JSON. A function of its own: the body and its text
 * (a file import's are 2 × 67 MB at most) are garbage once it returns, not held while the call runs.
 */
async function readInput(body: Buffer): Promise<{ input: unknown } | null> {
  try {
    const text = body.toString('utf8')
    if (body.length > LARGE_BODY_BYTES) await new Promise((resolve) => setImmediate(resolve))
    return { input: text.length === 0 ? {} : JSON.parse(text) }
  } catch {
    return null
  }
}

async function answerApi(
  req: IncomingMessage,
  res: ServerResponse,
  handlers: Handlers,
  method: string,
): Promise<void> {
  const body = await readBody(req)
  if (body === null) {
    sendError(res, 413, { code: 'INVALID_ARGUMENT', message: '请求过大。' })
    return
  }
  const large = body.length > LARGE_BODY_BYTES
  const parsed = await readInput(body)
  if (parsed === null) {
    sendError(res, 400, { code: 'INVALID_ARGUMENT', message: '请求内容不是有效的 JSON。' })
    return
  }
  // A large body's decoding is synchronous work: let waiting small calls in between its steps.
  if (large) await new Promise((resolve) => setImmediate(resolve))
  const envelope = await dispatch(handlers, method, parsed.input)
  sendJson(res, envelope.ok ? 200 : (STATUS_OF[envelope.error.code] ?? 422), envelope)
}

/** Serve the built renderer and the contract on 127.0.0.1, behind a per-run token. */
export async function startHost(options: HostOptions): Promise<RunningHost> {
  const sessions = new HostSessions(options.token)
  const token = sessions.token
  const gate = new Gate(LARGE_BODIES_AT_ONCE)
  const streams = new EventStreams(options.events, options.eventStreams)
  let port = 0
  const server = createServer((req, res) => {
    void (async () => {
      if (!hostAllowed(req.headers.host, port)) {
        send(res, 421, '主机名不被接受。', 'text/plain; charset=utf-8')
        return
      }
      const path = new URL(req.url ?? '/', `http://${HOST_ADDRESS}`).pathname
      if (path === SESSION_PATH) {
        await handleSignIn(req, res, sessions)
        return
      }
      if (path.startsWith(API_PREFIX)) {
        if (!sessions.allows(req.headers.authorization, req.headers.cookie)) {
          sendError(res, 401, { code: 'UNAUTHORIZED', message: '访问令牌缺失或无效。' })
          return
        }
        if (path === EVENTS_PATH) {
          if (req.method !== 'GET') {
            sendError(res, 405, { code: 'INVALID_ARGUMENT', message: '只接受 GET 请求。' })
            return
          }
          streams.serve(req, res, SECURITY_HEADERS, (status, message) =>
            sendError(res, status, { code: 'CONFLICT', message }),
          )
          return
        }
        await handleApi(req, res, options.handlers, path.slice(API_PREFIX.length), gate)
        return
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        send(res, 405, '不支持的请求方法。', 'text/plain; charset=utf-8')
        return
      }
      const file = readStatic(options.staticDir, path)
      if (!file) {
        send(res, 404, '未找到。', 'text/plain; charset=utf-8')
        return
      }
      send(res, 200, file.body, file.contentType)
    })().catch(() => {
      if (!res.headersSent) sendError(res, 500, { code: 'INTERNAL', message: '程序内部错误。' })
      else res.destroy()
    })
  })
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, HOST_ADDRESS, () => resolvePromise())
  })
  port = (server.address() as AddressInfo).port
  return {
    server,
    port,
    token,
    url: `http://${HOST_ADDRESS}:${port}/#token=${token}`,
    openerUrl: () => `http://${HOST_ADDRESS}:${port}/#code=${sessions.issueCode()}`,
    close: () =>
      new Promise<void>((resolvePromise) => {
        server.close(() => resolvePromise())
        server.closeAllConnections()
      }),
  }
}
