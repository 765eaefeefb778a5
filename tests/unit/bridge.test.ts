import { describe, expect, it } from 'vitest'
import { createBridge } from '../../electron/bridge'
import { contract } from '../../shared/contract'

describe('preload bridge', () => {
  it('exposes exactly the contract methods, each forwarding to its own channel', async () => {
    const seen: [string, unknown][] = []
    const bridge = createBridge((channel, input) => {
      seen.push([channel, input])
      return Promise.resolve({ ok: true, value: channel })
    })
    expect(Object.keys(bridge).sort()).toEqual(Object.keys(contract).sort())
    for (const [name, fn] of Object.entries(bridge)) {
      await expect(fn({ probe: name })).resolves.toEqual({ ok: true, value: name })
    }
    expect(seen).toEqual(Object.keys(bridge).map((name) => [name, { probe: name }]))
  })

  it('cannot be extended by the page', () => {
    const bridge = createBridge(() => Promise.resolve(null))
    expect(Object.isFrozen(bridge)).toBe(true)
  })
})
