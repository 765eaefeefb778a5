import type { BridgeApi, ContractApi } from '../../../shared/contract'
import { AppError, isWireError, type Envelope } from '../../../shared/errors'
import { BRIDGE_GLOBAL, METHOD_NAMES, type MethodName } from '../../../shared/methods'

type Call = (method: MethodName, input: unknown) => Promise<Envelope<unknown>>

const TOKEN_KEY = 'packetdesk.token'

/**
 * The browser host passes its per-run token in the URL fragment (never sent
 * to the server, never in logs). Keep it for this tab and remove it from the
 * address bar.
 */
function takeTokenFromLocation(): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash)
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1])
    history.replaceState(null, '', `${window.location.pathname}#/library`)
    return match[1]
  }
  return sessionStorage.getItem(TOKEN_KEY)
}

function httpCall(token: string): Call {
  return async (method, input) => {
    let response: Response
    try {
      response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
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

export type ApiSetup =
  { kind: 'ready'; api: ContractApi; transport: Transport } | { kind: 'no-token' }

/** Electron's bridge when the preload put it there, else the browser host over HTTP. */
export function setupApi(): ApiSetup {
  const bridge = (window as unknown as Record<string, BridgeApi | undefined>)[BRIDGE_GLOBAL]
  if (bridge) return { kind: 'ready', api: createApi(bridgeCall(bridge)), transport: 'electron' }
  const token = takeTokenFromLocation()
  if (!token) return { kind: 'no-token' }
  return { kind: 'ready', api: createApi(httpCall(token)), transport: 'http' }
}
