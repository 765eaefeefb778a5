import type { Handlers } from '../../../shared/contract'
import type { TodayHead } from '../../../shared/overview/today'
import type { LibraryEventSource } from '../events'

/**
 * 今日's head, the home screen's first answer, computed as soon as the library is open, while
 * the window or the browser still loads the page (issue 14, start-up): on a big library it takes
 * about as long as the page's loading, so the page's first call finds it ready instead of
 * starting it then.
 *
 * It is served only where a call made then would answer the same: nothing changed the library
 * since it began (every change, this process's or the team's, is a library event; a switch of
 * library too) and it is still the day it was computed for. Served once; later calls, and a
 * first call it cannot serve, compute afresh. Replaces `overview.todayHead` in `handlers`;
 * resolves once the warm answer is computed or given up (for tests).
 */
export function warmTodayHead(
  handlers: Handlers,
  events: LibraryEventSource,
  today: () => string,
): Promise<void> {
  const compute = handlers['overview.todayHead']
  let changed = false
  // Null when the warm call failed: the first call then reports its own outcome.
  let warm: Promise<TodayHead | null> | null = compute({}).catch(() => null)
  const unsubscribe = events.subscribe(() => {
    changed = true
    warm = null
    unsubscribe()
  })
  const computed = warm.then(() => undefined)
  handlers['overview.todayHead'] = async (input) => {
    const kept = warm
    warm = null
    if (kept) {
      const head = await kept
      // Checked after the wait: a change made while it was computed counts too.
      const valid = head !== null && !changed && head.today === today()
      unsubscribe()
      if (valid) return head
    }
    return compute(input)
  }
  return computed
}
