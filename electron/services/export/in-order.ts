/**
 * Runs `tasks` with at most `window` of them started ahead of the consumer, and yields their
 * results in the tasks' order. The export writes files in plan order (names, manifest, progress
 * stay as before) while the worker pool fits several pages at once; the window bounds how many
 * sources and results sit in memory. A task's failure is thrown when its turn comes; tasks
 * already started then run to their end unobserved (they only compute, never write).
 */
export async function* inOrder<T>(
  tasks: Iterable<() => Promise<T>>,
  window: number,
): AsyncGenerator<T> {
  const pending: Promise<T>[] = []
  const iterator = tasks[Symbol.iterator]()
  let exhausted = false
  const refill = (): void => {
    while (!exhausted && pending.length < Math.max(1, window)) {
      const next = iterator.next()
      if (next.done === true) {
        exhausted = true
        return
      }
      const started = next.value()
      // Observed when its turn comes; until then a failure must not count as unhandled.
      started.catch(() => undefined)
      pending.push(started)
    }
  }
  refill()
  for (let head = pending.shift(); head !== undefined; head = pending.shift()) {
    const value = await head
    refill()
    yield value
  }
}
