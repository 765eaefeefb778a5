import type { OwnerKind } from '../../../shared/library/schemas'

/**
 * A batch import in progress, kept in the window's storage while it runs (issue 13 item 6): when
 * the tab is closed mid-batch, the clerk sees on return which files were not imported and where.
 * Only file names, the record and the purpose — never file contents.
 */
export interface PendingImport {
  ownerKind: OwnerKind
  ownerId: string
  requirement: string
  /** The files not yet confirmed imported, in the order they were dropped. */
  names: string[]
  startedAt: string
  /** Refreshed every few seconds while the import runs: a stale beat means the tab went away. */
  beatAt: number
}

/** A batch whose last beat is older than this was left, not still running in another tab. */
export const STALE_AFTER_MS = 20_000

const KEY = 'packetdesk.pendingImport'

export function loadPendingImport(): PendingImport | null {
  try {
    const raw = window.localStorage.getItem(KEY)
    if (!raw) return null
    const value = JSON.parse(raw) as Partial<PendingImport>
    if (
      typeof value.ownerKind !== 'string' ||
      typeof value.ownerId !== 'string' ||
      typeof value.requirement !== 'string' ||
      !Array.isArray(value.names) ||
      typeof value.startedAt !== 'string' ||
      typeof value.beatAt !== 'number'
    )
      return null
    return value as PendingImport
  } catch {
    return null
  }
}

export function savePendingImport(pending: PendingImport | null): void {
  try {
    if (pending && pending.names.length > 0)
      window.localStorage.setItem(KEY, JSON.stringify(pending))
    else window.localStorage.removeItem(KEY)
  } catch {
    // Storage full or off: the import itself goes on; only the reminder is lost.
  }
}
