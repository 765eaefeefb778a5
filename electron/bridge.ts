import type { BridgeApi } from '../shared/contract'
import { METHOD_NAMES, type MethodName } from '../shared/methods'

export type Invoke = (channel: MethodName, input: unknown) => Promise<unknown>
/** Listen on the event channel; the payload only (never the IPC event object). Returns the off. */
export type Subscribe = (listener: (payload: unknown) => void) => () => void

/**
 * The object the preload exposes: exactly one function per contract method,
 * each forwarding to the IPC channel of the same name, and `onEvent` for the
 * backend's events. Nothing else (no raw ipcRenderer, no generic invoke or
 * channel choice) reaches the page.
 */
export function createBridge(invoke: Invoke, subscribe: Subscribe): BridgeApi {
  const bridge = Object.fromEntries(
    METHOD_NAMES.map((method) => [method, (input: unknown) => invoke(method, input)]),
  )
  const onEvent = (listener: (event: unknown) => void): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError('onEvent needs a function')
    const off = subscribe((payload) => listener(payload))
    let subscribed = true
    return () => {
      if (!subscribed) return
      subscribed = false
      off()
    }
  }
  return Object.freeze({ ...bridge, onEvent }) as BridgeApi
}
