import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LibraryEvent } from '../../../shared/events'
import { LibraryEvents } from '../../../electron/services/events'
import { listenTeamChanges } from '../../../electron/services/team/listen'
import { migrateTeam } from '../../../electron/services/team/migrate'
import { freshDatabase, withClient } from '../../helpers/team'

/** Other clerks' changes, from the team database's NOTIFY to the backend's event bus. */
let url: string
let listener: pg.Client

beforeAll(async () => {
  url = await freshDatabase('listen')
  await withClient(url, async (client) => {
    await client.query('CREATE SCHEMA packetdesk')
    await migrateTeam(client)
  })
  listener = new pg.Client({ connectionString: url })
  await listener.connect()
})
afterAll(async () => {
  await listener?.end()
})

async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000
  while (!check() && Date.now() < deadline) {
    // A round trip lets the listener's connection read what is pending.
    await listener.query('SELECT 1')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('listenTeamChanges', () => {
  it('turns another connection’s committed change into library.changed from the team', async () => {
    const bus = new LibraryEvents()
    const events: LibraryEvent[] = []
    bus.subscribe((e) => events.push(e))
    const stop = await listenTeamChanges(listener, bus)
    await withClient(url, async (clerk) => {
      await clerk.query(
        `INSERT INTO companies (id, name, region, created_at, updated_at)
         VALUES ('co_1', '上海青禾文化传媒有限公司', 'domestic', 'x', 'x')`,
      )
    })
    await until(() => events.length > 0)
    expect(events.map(({ type, origin, tables }) => ({ type, origin, tables }))).toEqual([
      { type: 'library.changed', origin: 'team', tables: ['companies'] },
    ])

    // Stopped: later changes reach nobody, and the connection no longer listens.
    await stop()
    events.length = 0
    await withClient(url, (clerk) => clerk.query("DELETE FROM companies WHERE id = 'co_1'"))
    await listener.query('SELECT 1')
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(events).toEqual([])
    const listening = await listener.query('SELECT pg_listening_channels() AS c')
    expect(listening.rows).toEqual([])
  })

  it('ignores other channels and passes a malformed payload on as "something changed"', async () => {
    const bus = new LibraryEvents()
    const events: LibraryEvent[] = []
    bus.subscribe((e) => events.push(e))
    const stop = await listenTeamChanges(listener, bus)
    try {
      await listener.query('LISTEN elsewhere')
      await withClient(url, async (other) => {
        await other.query("NOTIFY elsewhere, 'x'")
        await other.query(`NOTIFY packetdesk_library, '{"table": "Robert''); DROP"}'`)
      })
      await until(() => events.length > 0)
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(events.map(({ type, origin, tables }) => ({ type, origin, tables }))).toEqual([
        { type: 'library.changed', origin: 'team', tables: undefined },
      ])
    } finally {
      await listener.query('UNLISTEN elsewhere')
      await stop()
    }
  })
})
