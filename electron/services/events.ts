import { AppError } from '../../shared/errors'
import { parseLibraryEvent, type LibraryEvent } from '../../shared/events'

export type LibraryEventListener = (event: LibraryEvent) => void

/** What a door needs: to listen (the host's event stream, Electron's forwarding to windows). */
export interface LibraryEventSource {
  subscribe(listener: LibraryEventListener): () => void
}

/**
 * Enough for every window, tab and door of one process; past it a subscription is refused, so
 * a leak (a stream never cleaned up) shows as an error instead of slowly growing memory.
 */
const MAX_EVENT_LISTENERS = 64

/**
 * The backend's event bus (plain Node, no Electron): the backend emits `library.changed` after
 * every successful mutating call; a team-database listener (PostgreSQL LISTEN) emits through
 * `emitExternal`. Delivery is synchronous and in subscription order; a listener that throws is
 * skipped, never the call that caused the event nor the other listeners.
 */
export class LibraryEvents implements LibraryEventSource {
  private readonly listeners = new Set<LibraryEventListener>()

  constructor(private readonly options: { maxListeners?: number; now?: () => Date } = {}) {}

  get listenerCount(): number {
    return this.listeners.size
  }

  /** Returns the unsubscribe (calling it twice is harmless). */
  subscribe(listener: LibraryEventListener): () => void {
    if (this.listeners.size >= (this.options.maxListeners ?? MAX_EVENT_LISTENERS)) {
      throw new AppError('CONFLICT', '同时打开的窗口或连接过多，无法再接收资料库更新。')
    }
    // The same function twice would be one Set entry: wrap it so each subscription is its own.
    const entry: LibraryEventListener = (event) => listener(event)
    this.listeners.add(entry)
    return () => {
      this.listeners.delete(entry)
    }
  }

  /** Deliver an event; one that does not match the schema is dropped (false). */
  emit(event: LibraryEvent): boolean {
    const valid = parseLibraryEvent(event)
    if (!valid) return false
    for (const listener of [...this.listeners]) {
      try {
        listener(valid)
      } catch {
        // A broken listener (a closed stream, a destroyed window) must not undo a saved change.
      }
    }
    return true
  }

  /** This backend changed the library (called by the backend after a mutating call). */
  emitLocal(tables?: string[]): boolean {
    return this.emit(this.event('local', tables))
  }

  /** Another clerk changed the team library (a PostgreSQL NOTIFY, passed on by its listener). */
  emitExternal(tables?: string[]): boolean {
    return this.emit(this.event('team', tables))
  }

  private event(origin: LibraryEvent['origin'], tables: string[] | undefined): LibraryEvent {
    const at = (this.options.now?.() ?? new Date()).toISOString()
    return tables === undefined
      ? { type: 'library.changed', origin, at }
      : { type: 'library.changed', origin, at, tables }
  }
}
