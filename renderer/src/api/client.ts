import type { BridgeApi, ContractApi } from '../../../shared/contract'
import { AppError, isWireError, type Envelope } from '../../../shared/errors'
import { parseLibraryEvent, type LibraryEvent } from '../../../shared/events'
import { BRIDGE_GLOBAL, METHOD_NAMES, type MethodName } from '../../../shared/methods'

type Call = (method: MethodName, input: unknown) => Promise<Envelope<unknown>>

const TOKEN_KEY = 'packetdesk.token'

/**
 * The browser host hands a tab its credential in the URL fragment (never sent to the server,
 * never in logs): `#token=…` on the terminal's line, `#code=…` (one-time) from the browser
 * opener. Take it out of the address bar; keep the token for this tab.
 */
function takeCredentialFromLocation(): { code?: string; token?: string } {
  const code = /(?:^#|&)code=([A-Za-z0-9_-]+)/.exec(window.location.hash)?.[1]
  const token = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash)?.[1]
  if (code || token) history.replaceState(null, '', `${window.location.pathname}#/today`)
  if (token) sessionStorage.setItem(TOKEN_KEY, token)
  if (code) return { code }
  const kept = token ?? sessionStorage.getItem(TOKEN_KEY)
  return kept ? { token: kept } : {}
}

/**
 * Exchange the credential for the host's session cookie (HttpOnly, SameSite=Strict), so a
 * reopened tab or a bookmark works for the rest of the run. Without a credential, the cookie a
 * previous tab got is used as it is.
 */
async function signIn(credential: { code?: string; token?: string }): Promise<void> {
  if (!credential.code && !credential.token) return
  await fetch('/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(credential),
  }).catch(() => undefined)
}

function httpCall(signedIn: Promise<void>, credential: { token?: string }): Call {
  return async (method, input) => {
    await signedIn
    let response: Response
    try {
      response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          ...(credential.token ? { Authorization: `Bearer ${credential.token}` } : {}),
        },
        credentials: 'same-origin',
        body: JSON.stringify(input ?? {}),
      })
    } catch {
      return { ok: false, error: { code: 'INTERNAL', message: '无法连接到 PacketDesk 后台。' } }
    }
    const body: unknown = await response.json().catch(() => null)
    if (body && typeof body === 'object' && 'ok' in body) return body as Envelope<unknown>
    return {
      ok: false,
      error: { code: 'INTERNAL', message: `后台返回了无法识别的应答（${response.status}）。` },
    }
  }
}

function bridgeCall(bridge: BridgeApi): Call {
  return (method, input) => bridge[method](input)
}

/**
 * What the page hears from the backend: its events, checked against the shared schema (anything
 * else is dropped), and `reconnected` when a lost event stream is back — events may have been
 * missed meanwhile, so whatever is on screen is refetched as after a change.
 */
type LiveSignal = LibraryEvent | { type: 'reconnected' }
export type OnEvent = (listener: (signal: LiveSignal) => void) => () => void

function bridgeEvents(bridge: BridgeApi): OnEvent {
  return (listener) =>
    bridge.onEvent((payload) => {
      const event = parseLibraryEvent(payload)
      if (event) listener(event)
    })
}

/** Reconnecting after a lost stream waits 1 s, then twice as long each time, up to 30 s. */
const RETRY_FIRST_MS = 1_000
const RETRY_MAX_MS = 30_000

/**
 * The host's server-sent events (GET /api/events). EventSource cannot send a header: it goes
 * after the sign-in, with the tab's session cookie. Its own retry gives up on an error status
 * (a host restarted with a new token answers 401), so every error closes it and a new one is
 * opened with back-off.
 */
function streamEvents(signedIn: Promise<void>): OnEvent {
  return (listener) => {
    let source: EventSource | null = null
    let timer: ReturnType<typeof setTimeout> | null = null
    let delay = RETRY_FIRST_MS
    let lost = false
    let stopped = false
    const connect = (): void => {
      timer = null
      if (stopped) return
      const current = new EventSource('/api/events')
      source = current
      current.onopen = () => {
        delay = RETRY_FIRST_MS
        if (lost) listener({ type: 'reconnected' })
        lost = false
      }
      current.onmessage = (message: MessageEvent<string>) => {
        let payload: unknown
        try {
          payload = JSON.parse(message.data)
        } catch {
          return
        }
        const event = parseLibraryEvent(payload)
        if (event) listener(event)
      }
      current.onerror = () => {
        current.close()
        if (stopped || source !== current) return
        source = null
        lost = true
        // A little jitter, so the tabs of a restarted host do not all come back at once.
        timer = setTimeout(connect, delay * (1 + Math.random() * 0.2))
        delay = Math.min(delay * 2, RETRY_MAX_MS)
      }
    }
    void signedIn.then(connect)
    return () => {
      stopped = true
      if (timer) clearTimeout(timer)
      source?.close()
      source = null
    }
  }
}

type Transport = 'electron' | 'http'

/** The contract as the renderer sees it: typed methods that throw AppError. */
function createApi(call: Call): ContractApi {
  const entries = METHOD_NAMES.map((method) => [
    method,
    async (input: unknown) => {
      const envelope = await call(method, input)
      if (envelope.ok) return envelope.value
      const error = isWireError(envelope.error)
        ? envelope.error
        : { code: 'INTERNAL' as const, message: '未知错误。' }
      throw new AppError(error.code, error.message, error.field)
    },
  ])
  return Object.fromEntries(entries) as ContractApi
}

export interface ApiSetup {
  api: ContractApi
  transport: Transport
  /** The backend's events through whichever door this is (IPC or server-sent events). */
  onEvent: OnEvent
}

/** Electron's bridge when the preload put it there, else the browser host over HTTP. */
export function setupApi(): ApiSetup {
  const bridge = (window as unknown as Record<string, BridgeApi | undefined>)[BRIDGE_GLOBAL]
  if (bridge) {
    return {
      api: createApi(bridgeCall(bridge)),
      transport: 'electron',
      onEvent: bridgeEvents(bridge),
    }
  }
  const credential = takeCredentialFromLocation()
  const signedIn = signIn(credential)
  return {
    api: createApi(httpCall(signedIn, credential)),
    transport: 'http',
    onEvent: streamEvents(signedIn),
  }
}
