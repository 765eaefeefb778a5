import { createHash } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract, isMutating, MUTATING_METHODS } from '../../shared/contract'
import { parseLibraryEvent, type LibraryEvent } from '../../shared/events'
import { METHOD_NAMES, type MethodName } from '../../shared/methods'
import type { Backend } from '../../electron/services/backend'
import { LibraryEvents } from '../../electron/services/events'
import { demoBackend } from '../helpers/backend'
import { blankPdf } from '../helpers/fixtures-files'
import { tempDir } from '../helpers/temp'

const AT = new Date('2026-11-28T01:02:03.000Z')

describe('the event bus', () => {
  it('delivers to every subscriber in order, and not after unsubscribe', () => {
    const bus = new LibraryEvents({ now: () => AT })
    const seen: string[] = []
    const offA = bus.subscribe((e) => seen.push(`a:${e.origin}`))
    bus.subscribe((e) => seen.push(`b:${e.origin}`))
    expect(bus.emitLocal()).toBe(true)
    offA()
    offA()
    bus.emitExternal(['companies'])
    expect(seen).toEqual(['a:local', 'b:local', 'b:team'])
    expect(bus.listenerCount).toBe(1)
  })

  it('makes well-formed events: local from calls, team from outside', () => {
    const bus = new LibraryEvents({ now: () => AT })
    const got: LibraryEvent[] = []
    bus.subscribe((e) => got.push(e))
    bus.emitLocal()
    bus.emitExternal(['trademarks', 'documents'])
    expect(got).toEqual([
      { type: 'library.changed', origin: 'local', at: AT.toISOString() },
      {
        type: 'library.changed',
        origin: 'team',
        at: AT.toISOString(),
        tables: ['trademarks', 'documents'],
      },
    ])
  })

  it('drops events that do not match the schema (no personal data can ride along)', () => {
    const bus = new LibraryEvents({ now: () => AT })
    const got: unknown[] = []
    bus.subscribe((e) => got.push(e))
    const withId = { type: 'library.changed', origin: 'local', at: AT.toISOString(), id: 'x' }
    expect(bus.emit(withId as unknown as LibraryEvent)).toBe(false)
    expect(bus.emitExternal(['companies; DROP TABLE persons'])).toBe(false)
    expect(parseLibraryEvent({ type: 'library.changed', origin: 'team', at: 'yesterday' })).toBe(
      null,
    )
    expect(got).toEqual([])
  })

  it('a listener that throws skips itself, not the others', () => {
    const bus = new LibraryEvents()
    const seen: number[] = []
    bus.subscribe(() => {
      throw new Error('closed stream')
    })
    bus.subscribe(() => seen.push(1))
    expect(() => bus.emitLocal()).not.toThrow()
    expect(seen).toEqual([1])
  })

  it('refuses subscriptions past its bound, and takes them again once one leaves', () => {
    const bus = new LibraryEvents({ maxListeners: 2 })
    const off = bus.subscribe(() => undefined)
    bus.subscribe(() => undefined)
    expect(() => bus.subscribe(() => undefined)).toThrow(/过多/)
    off()
    expect(() => bus.subscribe(() => undefined)).not.toThrow()
  })

  it('the same function subscribed twice is two subscriptions, each removed by its own off', () => {
    const bus = new LibraryEvents()
    let n = 0
    const listener = () => n++
    const off1 = bus.subscribe(listener)
    bus.subscribe(listener)
    bus.emitLocal()
    off1()
    bus.emitLocal()
    expect(n).toBe(3)
  })
})

/** Which contract methods change the library: declared on each entry, pinned here. */
const EXPECTED_WRITES: MethodName[] = [
  'system.restore',
  'settings.setLanguage',
  // 设置 → 邮件提交收件地址 (issue 13 item 17).
  'settings.setEmailRecipient',
  'companies.save',
  'persons.save',
  'trademarks.save',
  'relations.save',
  'documents.import',
  'documents.prefer',
  'documents.update',
  'reading.fill',
  'library.delete',
  'recycle.restore',
  'recycle.purge',
  'recycle.empty',
  'packets.save',
  // Declares the relation a requirement needs when the library lacks it.
  'packets.requirementTarget',
  'packets.recordSubmission',
  // The work queue (issue 13 item 7): a copy for a new account, archive and unarchive.
  'packets.duplicate',
  'packets.archive',
  'letters.generate',
  'letters.markPrinted',
  'letters.generateForPacket',
  'letters.saveWording',
  'exports.run',
  'industries.save',
  'industries.remove',
  'templates.import',
  'templates.save',
  'templates.fill',
  // 设置 → 团队资料库: the library under every window changes.
  'team.connect',
  'team.disconnect',
]

describe('which contract methods mutate', () => {
  it('every method declares its effect, read or write', () => {
    for (const method of METHOD_NAMES) {
      expect(['read', 'write'], method).toContain(contract[method].effect)
      expect(isMutating(method), method).toBe(contract[method].effect === 'write')
    }
  })

  it('the writes are exactly the reviewed list', () => {
    expect([...MUTATING_METHODS].sort()).toEqual([...EXPECTED_WRITES].sort())
  })
})

/** Every table's rows, hashed; the audit log aside (reads may audit, e.g. an ID reveal). */
function fingerprint(backend: Backend): Record<string, string> {
  const tables = backend.db
    .prepare(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
       AND name NOT LIKE 'search_index_%' AND name <> 'audit_log' ORDER BY name`,
    )
    .pluck()
    .all() as string[]
  return Object.fromEntries(
    tables.map((table) => {
      const rows = backend.db.prepare(`SELECT * FROM "${table}"`).all()
      return [table, createHash('sha256').update(JSON.stringify(rows)).digest('hex')]
    }),
  )
}

describe('the backend emits library.changed', () => {
  let backend: Backend
  let cleanup: () => void
  let dir: string
  let events: LibraryEvent[]
  const outside = tempDir()
  beforeAll(async () => {
    ;({ backend, cleanup, dir } = await demoBackend())
    events = []
    backend.events.subscribe((e) => events.push(e))
  })
  afterAll(() => {
    cleanup()
    outside.cleanup()
  })

  it('once after each successful write, never after a refused one', async () => {
    events.length = 0
    await backend.handlers['companies.save']({
      name: '杭州白杨广告有限公司',
      region: 'domestic',
      businessScope: '广告设计、代理',
    })
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ type: 'library.changed', origin: 'local' })
    expect(parseLibraryEvent(events[0])).toEqual(events[0])
    events.length = 0
    await expect(
      backend.handlers['library.delete']({ kind: 'company', id: 'no-such-company' }),
    ).rejects.toThrow()
    expect(events).toEqual([])
  })

  it('never after a read, and no read changes a table (the classification is honest)', async () => {
    const h = backend.handlers
    // What the reads below need: a letter and a user template (writes, before the fingerprint).
    const packets = await h['packets.list']({})
    for (const packet of packets) {
      await h['letters.generateForPacket']({ packetId: packet.id })
    }
    const template = await h['templates.import']({
      fileName: '授权书模板.pdf',
      dataBase64: (await blankPdf(1)).toString('base64'),
    })
    const [letter] = await h['letters.list']({})
    const [person] = await h['persons.list']({})
    const [company] = await h['companies.list']({})
    const documents = []
    for (const c of await h['companies.list']({})) {
      documents.push(...(await h['documents.list']({ ownerKind: 'company', ownerId: c.id })))
    }
    const document = documents.find((d) => d.file)
    const file = document?.file
    const [packet] = packets
    if (!letter || !person || !company || !file || !packet || !document) {
      throw new Error('the demo library lacks what this test reads')
    }
    const [builtin] = await h['letters.builtins']({})
    const before = fingerprint(backend)
    events.length = 0

    const reads: { [M in MethodName]?: () => Promise<unknown> } = {
      'system.info': () => h['system.info']({}),
      'team.status': () => h['team.status']({}),
      'settings.get': () => h['settings.get']({}),
      'system.backup': () => h['system.backup']({ outDir: join(outside.dir, 'backups') }),
      'companies.list': () => h['companies.list']({}),
      'persons.list': () => h['persons.list']({}),
      'persons.revealIdNumber': () => h['persons.revealIdNumber']({ id: person.id }),
      'trademarks.list': () => h['trademarks.list']({}),
      // No desktop on this backend: says so (the page opens the site itself); changes nothing.
      'trademarks.openOfficeSearch': () => h['trademarks.openOfficeSearch']({ regNo: '45678901' }),
      'settings.emailRecipient': () => h['settings.emailRecipient']({}),
      'relations.list': () => h['relations.list']({ entityId: company.id }),
      'documents.list': () => h['documents.list']({ ownerKind: 'company', ownerId: company.id }),
      'files.thumbnail': () => h['files.thumbnail']({ sha256: file.sha256 }),
      'files.view': () => h['files.view']({ sha256: file.sha256, page: 1 }),
      'reading.status': () => h['reading.status']({}),
      'reading.startAll': () => h['reading.startAll']({}),
      'reading.cancel': () => h['reading.cancel']({}),
      'reading.document': () => h['reading.document']({ id: document.id }),
      // Reading is off on this backend: queued nothing, and a read would change no table.
      'reading.start': () => h['reading.start']({ id: document.id }),
      // Refused (nothing read yet): a read either way.
      'reading.crop': () =>
        h['reading.crop']({ id: document.id, field: 'uscc' }).catch((e: unknown) => e),
      'library.search': () => h['library.search']({ query: '青禾' }),
      'library.deleteImpact': () =>
        h['library.deleteImpact']({ kind: 'document', id: document.id }),
      'library.expiries': () => h['library.expiries']({}),
      'recycle.list': () => h['recycle.list']({}),
      'industries.catalog': () => h['industries.catalog']({}),
      'industries.userEdits': () => h['industries.userEdits']({}),
      'packets.list': () => h['packets.list']({}),
      'packets.plan': () => h['packets.plan']({ id: packet.id }),
      'packets.trademarkHits': () => h['packets.trademarkHits']({ accountName: '青禾' }),
      'packets.submissions': () => h['packets.submissions']({ id: packet.id }),
      'packets.avatarPreview': () =>
        h['packets.avatarPreview']({ packetId: packet.id, avatarFit: 'crop' }),
      'letters.list': () => h['letters.list']({}),
      'letters.pdf': () => h['letters.pdf']({ id: letter.id }),
      'letters.combinedPdf': () => h['letters.combinedPdf']({ ids: [letter.id] }),
      // Writes outside the library (a folder the clerk names), like a backup.
      'letters.saveToFolder': () =>
        h['letters.saveToFolder']({ ids: [letter.id], dir: mkdtempSync(join(outside.dir, 'l-')) }),
      'overview.today': () => h['overview.today']({}),
      'overview.todayHead': () => h['overview.todayHead']({}),
      'overview.todayExpiries': () => h['overview.todayExpiries']({}),
      'letters.builtins': () => h['letters.builtins']({}),
      'letters.wording': () => h['letters.wording']({ name: builtin?.name ?? '' }),
      'exports.defaultDir': () => h['exports.defaultDir']({}),
      'exports.checkDir': () => h['exports.checkDir']({ path: '/tmp' }),
      // Refused (only this run's export folders open): a read either way.
      'exports.openFolder': () => h['exports.openFolder']({ path: dir }).catch((e: unknown) => e),
      'templates.list': () => h['templates.list']({}),
      'templates.get': () => h['templates.get']({ id: template.id }),
      'templates.pagePreview': () => h['templates.pagePreview']({ id: template.id, page: 1 }),
    }
    expect(Object.keys(reads).sort()).toEqual(METHOD_NAMES.filter((m) => !isMutating(m)).sort())
    for (const [method, read] of Object.entries(reads)) {
      await read()
      expect(events, method).toEqual([])
    }
    expect(fingerprint(backend)).toEqual(before)
  })

  it('after a restore too (its handler is the backend’s own)', async () => {
    const backups = join(outside.dir, 'backups-restore')
    const { file } = await backend.handlers['system.backup']({ outDir: backups })
    events.length = 0
    await backend.handlers['system.restore']({ archivePath: file })
    expect(events).toHaveLength(1)
    // The bus outlives the swap: still one listener, still delivering.
    await backend.handlers['settings.setLanguage']({ language: 'en' })
    expect(events).toHaveLength(2)
  })
})
