import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { AppError } from '../../../shared/errors'
import { messageOf } from './useLoad'

interface Versioned {
  version: number
}

/** What a save sends about the row it was made from: `{ version }` when editing, `{}` when new. */
type From = { version: number } | Record<string, never>

export interface StaleGuard {
  /** The backend's refusal (STALE) being shown, in its own words; null when there is none. */
  stale: string | null
  /** A reload in flight (重新加载). */
  reloading: boolean
  /** Why the last reload failed (e.g. the record has since been deleted). */
  reloadError: string | null
  /**
   * Run a save made from the version the form shows: `run` spreads `from` into its input. Saves
   * run one after another, each from the version the previous one returned (an autosave while a
   * save is in flight is not refused by its own window). Resolves to the saved record, or to null
   * when it was refused as stale — the form keeps its input and the alert shows; other errors
   * reject as before.
   */
  save: <R extends Versioned>(run: (from: From) => Promise<R>) => Promise<R | null>
  /** Fetch the current record and show it in the form (the clerk's input is discarded). */
  reload: () => Promise<void>
  /** Keep editing: hide the alert. A save is still refused until the form is reloaded. */
  dismiss: () => void
  /** The form now shows this record (e.g. a field nobody touched following the live list). */
  loaded: (record: Versioned) => void
}

const isStale = (error: unknown): error is AppError =>
  error instanceof AppError && error.code === 'STALE'

/**
 * Optimistic concurrency for a form that edits one record (issue 11): remembers the version the
 * form was loaded from — fixed when the form opens, never taken from a list that refreshes live
 * underneath it, or a clerk's save would silently overwrite the change that refreshed the list —
 * sends it with every save, follows the version each save returns, and when the backend refuses a
 * save made from a stale version, keeps the refusal for <StaleAlert> and offers to reload.
 *
 * `initial`: the record the form opened with (null: a new record, sent without a version).
 * `fetch`: the current record (for 重新加载). `show`: put a record into the form's fields.
 * Both are read through refs, so callers can pass inline functions.
 */
export function useStaleGuard<T extends Versioned>(options: {
  initial: T | null
  fetch: () => Promise<T>
  show: (record: T) => void
}): StaleGuard {
  const version = useRef<number | null>(options.initial?.version ?? null)
  /** Bumped by a reload: a save queued before it was made from the discarded input. */
  const epoch = useRef(0)
  const queue = useRef<Promise<unknown>>(Promise.resolve())
  const mounted = useRef(true)
  const callbacks = useRef({ fetch: options.fetch, show: options.show })
  useEffect(() => {
    callbacks.current = { fetch: options.fetch, show: options.show }
  })
  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])
  const [stale, setStale] = useState<string | null>(null)
  const [reloading, setReloading] = useState(false)
  const [reloadError, setReloadError] = useState<string | null>(null)

  const save = useCallback(
    <R extends Versioned>(run: (from: From) => Promise<R>): Promise<R | null> => {
      const startedIn = epoch.current
      const attempt = async (): Promise<R | null> => {
        if (epoch.current !== startedIn) return null
        const from: From = version.current === null ? {} : { version: version.current }
        try {
          const saved = await run(from)
          if (epoch.current === startedIn) version.current = saved.version
          if (mounted.current) setStale(null)
          return saved
        } catch (error) {
          if (!isStale(error)) throw error
          if (mounted.current) setStale(error.message)
          return null
        }
      }
      const result = queue.current.then(attempt, attempt)
      queue.current = result.catch(() => undefined)
      return result
    },
    [],
  )

  const reload = useCallback(async () => {
    setReloading(true)
    setReloadError(null)
    try {
      const record = await callbacks.current.fetch()
      epoch.current++
      version.current = record.version
      callbacks.current.show(record)
      if (mounted.current) setStale(null)
    } catch (error) {
      if (mounted.current) setReloadError(messageOf(error))
    } finally {
      if (mounted.current) setReloading(false)
    }
  }, [])

  const dismiss = useCallback(() => {
    setStale(null)
    setReloadError(null)
  }, [])

  const loaded = useCallback((record: Versioned) => {
    version.current = record.version
  }, [])

  return useMemo(
    () => ({ stale, reloading, reloadError, save, reload, dismiss, loaded }),
    [stale, reloading, reloadError, save, reload, dismiss, loaded],
  )
}

/** The record with this id in a freshly fetched list, for a form's 重新加载. */
export function findLoaded<T extends { id: string }>(list: T[], id: string | undefined): T {
  const found = list.find((item) => item.id === id)
  if (!found) throw new AppError('NOT_FOUND', '找不到这条记录：它可能已被删除（见回收站）。')
  return found
}
