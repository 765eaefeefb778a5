import type pg from 'pg'
import { TEAM_CHANGES_CHANNEL } from './migrations/0005-notify'

/** Where other clerks' changes go: the backend's bus (services/events.ts). */
export interface TeamChangeSink {
  emitExternal(tables?: string[]): boolean
}

/**
 * Pass the team library's change notifications (migration 0004's NOTIFY) to the event bus as
 * `library.changed` with origin `team` and the table's name. `client` must be a connection of
 * its own, kept open (LISTEN lasts as long as the session). Returns the stop, which UNLISTENs.
 *
 * The clerk's own saves come back too (another connection's NOTIFY looks the same); the
 * renderer's debounce folds them into the refresh the local event already causes.
 */
export async function listenTeamChanges(
  client: pg.Client,
  bus: TeamChangeSink,
): Promise<() => Promise<void>> {
  const onNotification = (message: pg.Notification): void => {
    if (message.channel !== TEAM_CHANGES_CHANNEL) return
    bus.emitExternal(tableOf(message.payload))
  }
  client.on('notification', onNotification)
  try {
    await client.query(`LISTEN ${TEAM_CHANGES_CHANNEL}`)
  } catch (error) {
    client.off('notification', onNotification)
    throw error
  }
  return async () => {
    client.off('notification', onNotification)
    await client.query(`UNLISTEN ${TEAM_CHANGES_CHANNEL}`)
  }
}

/** `{"table": "companies"}` → ['companies']; anything else → undefined (refetch everything). */
function tableOf(payload: string | undefined): string[] | undefined {
  try {
    const table = (JSON.parse(payload ?? '') as { table?: unknown }).table
    return typeof table === 'string' && /^[a-z_]{1,63}$/.test(table) ? [table] : undefined
  } catch {
    return undefined
  }
}
