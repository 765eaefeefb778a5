import { useEffect, useRef, useState } from 'react'
import { AppError } from '../../../shared/errors'
import { useLiveVersion } from '../api/LiveRefresh'

export interface Loaded<T> {
  data: T | null
  error: string | null
  reload: () => void
  /** Show a change at once (e.g. the record a save returned) until the next load replaces it. */
  update: (change: (data: T | null) => T | null) => void
}

/**
 * Load data from the backend whenever `deps` change; `reload` re-runs it, and so does every
 * change of the library the backend reports (LiveRefresh): the old data stays on screen until
 * the new arrives. So use it for lists and read views; a form that seeded its fields from it
 * would be refreshed under the clerk's typing. The loader is read through a ref so callers can
 * pass an inline function.
 */
export function useLoad<T>(loader: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const changes = useLiveVersion()
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  const loaderRef = useRef(loader)
  useEffect(() => {
    loaderRef.current = loader
  })
  useEffect(
    () => {
      let live = true
      settle(loaderRef.current(), () => live, setData, setError)
      return () => {
        live = false
      }
    },
    // The caller's deps decide when to reload (like useEffect's own list).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [attempt, changes, ...deps],
  )
  return { data, error, reload: () => setAttempt((n) => n + 1), update: setData }
}

/** A load's outcome, shown unless the effect that started it has ended meanwhile. */
function settle<T>(
  load: Promise<T>,
  live: () => boolean,
  setData: (value: T) => void,
  setError: (message: string | null) => void,
): void {
  load.then(
    (value) => {
      if (!live()) return
      setError(null)
      setData(value)
    },
    (e: unknown) => {
      if (!live()) return
      // The team library's server is away: the banner says so once (team/TeamBanner), the
      // last data stays on screen; the next refresh after reconnecting brings it up to date.
      if (e instanceof AppError && e.code === 'UNAVAILABLE') return
      setError(messageOf(e))
    },
  )
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * Load once `after` is there and painted, and again each time it is replaced (its own load ran
 * again): a page's slow part waits for its quick part instead of competing with it for the
 * backend and the processor (今日's dated items after its head, issue 14). The old data stays on
 * screen until the new arrives; errors as in useLoad.
 */
export function useLoadAfter<T>(after: unknown, loader: () => Promise<T>): Loaded<T> {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  const loaderRef = useRef(loader)
  useEffect(() => {
    loaderRef.current = loader
  })
  useEffect(() => {
    if (after === null || after === undefined) return
    let live = true
    // After the next frame: what `after` brought is on screen first.
    const frame = requestAnimationFrame(() => setTimeout(load, 0))
    function load() {
      if (!live) return
      settle(loaderRef.current(), () => live, setData, setError)
    }
    return () => {
      live = false
      cancelAnimationFrame(frame)
    }
  }, [after, attempt])
  return { data, error, reload: () => setAttempt((n) => n + 1), update: setData }
}
