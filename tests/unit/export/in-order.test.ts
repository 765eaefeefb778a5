import { describe, expect, it } from 'vitest'
import { inOrder } from '../../../electron/services/export/in-order'

/** A task that settles after `ms`, recording how many tasks ran at once. */
function tasks(delays: number[], fail = -1) {
  const seen = { running: 0, most: 0, started: [] as number[] }
  const list = delays.map((ms, i) => async () => {
    seen.started.push(i)
    seen.running++
    seen.most = Math.max(seen.most, seen.running)
    await new Promise((resolve) => setTimeout(resolve, ms))
    seen.running--
    if (i === fail) throw new Error(`task ${i} failed`)
    return i
  })
  return { list, seen }
}

describe('inOrder', () => {
  it('yields results in task order however they finish, at most `window` running', async () => {
    const { list, seen } = tasks([40, 5, 30, 1, 20, 2, 10])
    const out: number[] = []
    for await (const value of inOrder(list, 3)) out.push(value)
    expect(out).toEqual([0, 1, 2, 3, 4, 5, 6])
    expect(seen.most).toBeLessThanOrEqual(3)
    expect(seen.most).toBeGreaterThan(1)
  })

  it('throws a failed task’s error at its turn, after the results before it', async () => {
    const { list } = tasks([5, 1, 1, 1], 2)
    const out: number[] = []
    await expect(
      (async () => {
        for await (const value of inOrder(list, 4)) out.push(value)
      })(),
    ).rejects.toThrow('task 2 failed')
    expect(out).toEqual([0, 1])
  })

  it('starts nothing before it is asked, and runs one at a time with a window of 1', async () => {
    const { list, seen } = tasks([1, 1, 1])
    const results = inOrder(list, 1)
    expect(seen.started).toEqual([])
    const out: number[] = []
    for await (const value of results) out.push(value)
    expect(out).toEqual([0, 1, 2])
    expect(seen.most).toBe(1)
  })
})
