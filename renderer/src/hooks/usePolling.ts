import { useEffect, useRef } from 'react'

/** How often a view asks again while the backend works in the background (scan reading). */
const POLL_MS = 1_500

/**
 * Call `poll` every `ms` while `active`, and not at all otherwise: a view that follows
 * background work asks only while there is some (events bring the rest).
 */
export function usePolling(active: boolean, poll: () => void, ms = POLL_MS): void {
  const pollRef = useRef(poll)
  useEffect(() => {
    pollRef.current = poll
  })
  useEffect(() => {
    if (!active) return
    const timer = setInterval(() => pollRef.current(), ms)
    return () => clearInterval(timer)
  }, [active, ms])
}
