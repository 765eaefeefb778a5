/**
 * Runs `tasks` with at most `window` of them running at once, starting the next as soon as one
 * settles, and yields their results in the tasks' order. The export writes files in plan order
 * (names, manifest, progress stay as before) while the worker pool fits several pages at once; a
 * slow write or a slow page at the head never leaves a worker idle. Finished results wait for
 * their turn (a fitted page is at most 1 MB; its source is let go when it finishes). A task's
 * failure is thrown when its turn comes; tasks already started then run to their end unobserved
 * (they only compute, never write).
 */
export async function* inOrder<T>(
  tasks: Iterable<() => Promise<T>>,
  window: number,
): AsyncGenerator<T> {
  const started: (Promise<T> | undefined)[] = []
  const iterator = tasks[Symbol.iterator]()
  let exhausted = false
  let running = 0
  const startMore = (): void => {
    while (!exhausted && running < Math.max(1, window)) {
      const next = iterator.next()
      if (next.done === true) {
        exhausted = true
        return
      }
      const task = next.value()
      running++
      const settled = (): void => {
        running--
        startMore()
      }
      // Observed when its turn comes; until then a failure must not count as unhandled.
      task.then(settled, settled)
      started.push(task)
    }
  }
  startMore()
  for (let turn = 0; turn < started.length || !exhausted; turn++) {
    // Every task before this one has settled, so its slot has gone to the next ones.
    if (turn >= started.length) startMore()
    const task = started[turn]
    if (task === undefined) return
    // Let a consumed result go: the caller has it now.
    started[turn] = undefined
    yield await task
  }
}
