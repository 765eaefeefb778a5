import { createContext, useContext, useEffect, useState, type ReactNode } from 'react'
import type { OnEvent } from './client'

/** A burst of changes (a batch of imports, a restore) becomes one refetch, this long after. */
const LIVE_DEBOUNCE_MS = 200
/** …but a steady stream of changes still refreshes the screen at least this often. */
const LIVE_MAX_WAIT_MS = 1_000

const LiveVersion = createContext(0)

/**
 * Counts the library's changes as the backend reports them (this window's, other windows' and
 * tabs', later other clerks'), debounced. Data hooks depend on the count (useLoad does), so
 * whatever list or read view is on screen refetches; forms keep what the clerk typed, since
 * their state is their own, not a loaded value.
 */
export function LiveRefreshProvider(props: { onEvent?: OnEvent | undefined; children: ReactNode }) {
  const { onEvent } = props
  const [version, setVersion] = useState(0)
  useEffect(() => {
    if (!onEvent) return
    let timer: ReturnType<typeof setTimeout> | null = null
    let firstAt = 0
    const bump = (): void => {
      timer = null
      setVersion((v) => v + 1)
    }
    const off = onEvent(() => {
      const now = Date.now()
      if (timer === null) firstAt = now
      else clearTimeout(timer)
      const wait = Math.min(LIVE_DEBOUNCE_MS, Math.max(0, firstAt + LIVE_MAX_WAIT_MS - now))
      timer = setTimeout(bump, wait)
    })
    return () => {
      off()
      if (timer) clearTimeout(timer)
    }
  }, [onEvent])
  return <LiveVersion.Provider value={version}>{props.children}</LiveVersion.Provider>
}

/** How many (debounced) library changes this window has heard of: a dependency for refetching. */
export function useLiveVersion(): number {
  return useContext(LiveVersion)
}
