import { describe, expect, it } from 'vitest'
import { createBridge, type Subscribe } from '../../electron/bridge'
import { contract } from '../../shared/contract'

const noEvents: Subscribe = () => () => undefined

describe('preload bridge', () => {
  it('exposes exactly the contract methods and onEvent, each method forwarding to its own channel', async () => {
    const seen: [string, unknown][] = []
    const bridge = createBridge((channel, input) => {
      seen.push([channel, input])
      return Promise.resolve({ ok: true, value: channel })
    }, noEvents)
    expect(Object.keys(bridge).sort()).toEqual([...Object.keys(contract), 'onEvent'].sort())
    const methods = Object.keys(contract) as (keyof typeof contract)[]
    for (const name of methods) {
      await expect(bridge[name]({ probe: name })).resolves.toEqual({ ok: true, value: name })
    }
    expect(seen).toEqual(methods.map((name) => [name, { probe: name }]))
  })

  it('onEvent hands the page the payload alone and unsubscribes once', () => {
    const listeners = new Set<(payload: unknown) => void>()
    let offs = 0
    const bridge = createBridge(
      () => Promise.resolve(null),
      (listener) => {
        listeners.add(listener)
        return () => {
          offs++
          listeners.delete(listener)
        }
      },
    )
    const got: unknown[][] = []
    const off = bridge.onEvent((...args: unknown[]) => got.push(args))
    for (const listener of listeners) listener({ type: 'library.changed' })
    expect(got).toEqual([[{ type: 'library.changed' }]])
    off()
    off()
    expect(offs).toBe(1)
    expect(listeners.size).toBe(0)
    expect(() => bridge.onEvent('nope' as unknown as () => void)).toThrow(TypeError)
  })

  it('cannot be extended by the page', () => {
    const bridge = createBridge(() => Promise.resolve(null), noEvents)
    expect(Object.isFrozen(bridge)).toBe(true)
  })
})
