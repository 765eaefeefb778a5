import { afterEach, describe, expect, it } from 'vitest'
import { createBackend, openBackend, type Backend } from '../../../electron/services/backend'
import { loadDemo } from '../../../electron/services/demo/demo'
import { todayHead } from '../../../electron/services/overview/today'
import { warmTodayHead } from '../../../electron/services/overview/warm-head'
import { addDays } from '../../../shared/dates'
import { tempDir } from '../../helpers/temp'

const DAY = '2026-11-28'
const cleanups: (() => void)[] = []
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup()
})

/** The demo library with one rejected packet (Maple枫叶): 今日's head lists it. */
async function library(): Promise<{ dir: string; backend: Backend; day: { value: string } }> {
  const temp = tempDir()
  const day = { value: DAY }
  const backend = createBackend({ dataDir: temp.dir, today: () => day.value })
  cleanups.push(() => {
    if (backend.db.open) backend.close()
    temp.cleanup()
  })
  await loadDemo(backend, DAY)
  await backend.handlers['packets.recordSubmission']({
    packetId: await mapleId(backend),
    submittedOn: addDays(DAY, -3),
    result: 'rejected',
    reasons: '总代授权书已过期',
    tags: ['授权'],
  })
  return { dir: temp.dir, backend, day }
}

async function maple(backend: Backend) {
  const found = (await backend.handlers['packets.list']({})).find(
    (p) => p.accountName === 'Maple枫叶',
  )
  if (!found) throw new Error('demo changed')
  return found
}

const mapleId = async (backend: Backend) => (await maple(backend)).id

const approve = async (backend: Backend) =>
  backend.handlers['packets.recordSubmission']({
    packetId: await mapleId(backend),
    submittedOn: DAY,
    result: 'approved',
  })

describe("今日's head computed at open (issue 14, start-up)", () => {
  it('the first call gets the answer computed at open, once; later calls compute afresh', async () => {
    const { backend } = await library()
    const fresh = await todayHead(backend.context)
    await warmTodayHead(backend.handlers, backend.events, () => DAY)
    // Renamed behind the backend's back (no event, which no real writer can do): only a call
    // that computes sees it, so the first call shows it was answered from the open.
    backend.db
      .prepare('UPDATE packets SET account_name = ? WHERE id = ?')
      .run('改名', await mapleId(backend))
    const first = await backend.handlers['overview.todayHead']({})
    expect(first).toEqual(fresh)
    expect(first.rejected.map((r) => r.packet.accountName)).toEqual(['Maple枫叶'])
    const second = await backend.handlers['overview.todayHead']({})
    expect(second.rejected.map((r) => r.packet.accountName)).toEqual(['改名'])
  }, 30_000)

  it('a change after it was computed: the first call shows the change', async () => {
    const { backend } = await library()
    await warmTodayHead(backend.handlers, backend.events, () => DAY)
    await approve(backend)
    const first = await backend.handlers['overview.todayHead']({})
    expect(first.rejected).toEqual([])
    expect(first).toEqual(await todayHead(backend.context))
  }, 30_000)

  it('a change while it is being computed, the first call already waiting: it shows the change', async () => {
    const { backend } = await library()
    const warmed = warmTodayHead(backend.handlers, backend.events, () => DAY)
    // The packets are read, the plans under way (one packet between turns of the event loop).
    await new Promise(setImmediate)
    const asked = backend.handlers['overview.todayHead']({})
    const packet = await maple(backend)
    await backend.handlers['packets.save']({
      id: packet.id,
      applicantCompanyId: packet.applicantCompanyId,
      accountType: packet.accountType,
      accountName: '改名',
      promotedSubject: packet.promotedSubject,
      industries: packet.industries,
      trademarkIds: packet.trademarkIds,
    })
    const first = await asked
    expect(first.rejected.map((r) => r.packet.accountName)).toEqual(['改名'])
    await warmed
  }, 30_000)

  it('the day turned since it was computed: the first call answers for the new day', async () => {
    const { backend, day } = await library()
    await warmTodayHead(backend.handlers, backend.events, () => day.value)
    day.value = addDays(DAY, 1)
    const first = await backend.handlers['overview.todayHead']({})
    expect(first.today).toBe(day.value)
    expect(first).toEqual(await todayHead(backend.context))
  }, 30_000)

  it("the doors' option: the first call on a reopened library answers what a call computes", async () => {
    const { dir, backend } = await library()
    expect(backend.events.listenerCount).toBe(0)
    backend.close()
    const reopened = await openBackend({ dataDir: dir, today: () => DAY, warmHome: true })
    try {
      // It listens for changes until its first call (no window is connected yet).
      expect(reopened.events.listenerCount).toBe(1)
      const first = await reopened.handlers['overview.todayHead']({})
      expect(reopened.events.listenerCount).toBe(0)
      expect(first.rejected.map((r) => r.packet.accountName)).toEqual(['Maple枫叶'])
      expect(first).toEqual(await todayHead(reopened.context))
    } finally {
      reopened.close()
    }
  }, 30_000)
})
