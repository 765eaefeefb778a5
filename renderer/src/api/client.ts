import type { BridgeApi, ContractApi } from '../../../shared/contract'
import { AppError, isWireError, type Envelope } from '../../../shared/errors'
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
  if (code || token) history.replaceState(null, '', `${window.location.pathname}#/library`)
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

function httpCall(credential: { code?: string; token?: string }): Call {
  const signedIn = signIn(credential)
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
}

/** Electron's bridge when the preload put it there, else the browser host over HTTP. */
export function setupApi(): ApiSetup {
  const bridge = (window as unknown as Record<string, BridgeApi | undefined>)[BRIDGE_GLOBAL]
  if (bridge) return { api: createApi(bridgeCall(bridge)), transport: 'electron' }
  return { api: createApi(httpCall(takeCredentialFromLocation())), transport: 'http' }
}
