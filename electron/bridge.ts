import type { BridgeApi } from '../shared/contract'
import { METHOD_NAMES, type MethodName } from '../shared/methods'

export type Invoke = (channel: MethodName, input: unknown) => Promise<unknown>

/**
 * The object the preload exposes: exactly one function per contract method,
 * each forwarding to the IPC channel of the same name. Nothing else (no raw
 * ipcRenderer, no generic invoke) reaches the page.
 */
export function createBridge(invoke: Invoke): BridgeApi {
  const bridge = Object.fromEntries(
    METHOD_NAMES.map((method) => [method, (input: unknown) => invoke(method, input)]),
  )
  return Object.freeze(bridge) as BridgeApi
}
