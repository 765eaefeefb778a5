import { afterAll, describe, expect, it } from 'vitest'
import { AppError } from '../../../shared/errors'
import { listCompanies, saveCompany } from '../../../electron/services/library/companies'
import { listPersons, revealIdNumber, savePerson } from '../../../electron/services/library/persons'
import {
  postgresStore,
  sqliteStore,
  type LibraryStore,
} from '../../../electron/services/storage/library-store'
import { teamInit } from '../../../electron/services/team/init'
import { testBackend } from '../../helpers/backend'
import { freshDatabase } from '../../helpers/team'

/**
 * The storage port (issue 11): a service written once runs on both engines. The same tests,
 * parameterised — not copied — on the embedded SQLite library and a team library on a real
 * PostgreSQL server. (Companies and persons are on the port so far; the others follow.)
 */
const cleanups: (() => unknown)[] = []
afterAll(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

const ENGINES: [string, () => Promise<LibraryStore>][] = [
  [
    'SQLite',
    () => {
      const t = testBackend()
      cleanups.push(t.cleanup)
      return Promise.resolve(sqliteStore(t.backend.db))
    },
  ],
  [
    'PostgreSQL',
    async () => {
      const url = await freshDatabase('port')
      await teamInit(url)
      const store = postgresStore(url)
      cleanups.push(() => store.close())
      return store
    },
  ],
]

const auditActions = async (store: LibraryStore) =>
  (
    await store.db.selectFrom('audit_log').select(['action', 'entity_kind']).orderBy('id').execute()
  ).map((r) => `${r.action}:${r.entity_kind}`)

describe.each(ENGINES)('companies on %s', (_engine, open) => {
  it('saves, edits, lists in name order, finds by a two-character term, audits', async () => {
    const store = await open()
    const created = await saveCompany(store, {
      name: '上海青禾文化传媒有限公司',
      region: 'domestic',
      uscc: '91310000MA1FL8XQ37',
      businessScope: '品牌咨询',
    })
    expect(created).toMatchObject({ name: '上海青禾文化传媒有限公司', uscc: '91310000MA1FL8XQ37' })
    await saveCompany(store, { name: '北京山岚科技有限公司', region: 'domestic' })
    const edited = await saveCompany(store, {
      id: created.id,
      name: '上海青禾文化传媒有限公司',
      region: 'domestic',
      uscc: '91310000MA1FL8XQ37',
      notes: '改过的备注',
    })
    expect(edited.notes).toBe('改过的备注')
    expect((await listCompanies(store)).map((c) => c.name)).toEqual([
      '上海青禾文化传媒有限公司',
      '北京山岚科技有限公司',
    ])
    const hits = await store.search.search(store.db, '禾文')
    expect(hits.map((h) => h.id)).toEqual([created.id])
    // The edit re-indexed the row: its new notes are found, and only once.
    expect((await store.search.search(store.db, '备注')).map((h) => h.id)).toEqual([created.id])
    expect(await auditActions(store)).toEqual(['create:company', 'create:company', 'edit:company'])
  })

  it('refuses an invalid USCC without a reason, keeps it with one (audited), changes nothing on refusal', async () => {
    const store = await open()
    const refused = await saveCompany(store, {
      name: '远帆食品',
      region: 'domestic',
      uscc: '91310000MA1FL8XQ3A',
    }).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(AppError)
    expect((refused as AppError).field).toBe('uscc')
    expect(await listCompanies(store)).toEqual([])
    const kept = await saveCompany(store, {
      name: '远帆食品',
      region: 'domestic',
      uscc: '91310000MA1FL8XQ3A',
      usccOverrideReason: '执照原件如此',
    })
    expect(kept.usccOverrideReason).toBe('执照原件如此')
    expect(await auditActions(store)).toEqual(['create:company', 'uscc_override:company'])
  })

  it('an edit of an unknown company is NOT_FOUND and writes nothing (one transaction)', async () => {
    const store = await open()
    const missing = await saveCompany(store, {
      id: 'co-missing',
      name: '不存在',
      region: 'domestic',
    }).catch((e: unknown) => e)
    expect((missing as AppError).code).toBe('NOT_FOUND')
    expect(await auditActions(store)).toEqual([])
    expect(await store.search.search(store.db, '不存在')).toEqual([])
  })
})

describe.each(ENGINES)('persons on %s', (_engine, open) => {
  it('stores a validated number, masks it in lists, reveals it audited, keeps it on an edit without it', async () => {
    const store = await open()
    const refused = await savePerson(store, {
      name: '张伟',
      idType: 'resident_id',
      idNumber: '110105194912310021',
    }).catch((e: unknown) => e)
    expect((refused as AppError).field).toBe('idNumber')
    const saved = await savePerson(store, {
      name: '张伟',
      idType: 'resident_id',
      idNumber: '11010519491231002x',
    })
    expect(saved.idNumberMasked).toBe('1101**********002X')
    expect(JSON.stringify(await listPersons(store))).not.toContain('11010519491231002X')
    expect(await revealIdNumber(store, saved.id)).toEqual({ idNumber: '11010519491231002X' })
    await savePerson(store, { id: saved.id, name: '张伟', notes: '改过' })
    expect(await revealIdNumber(store, saved.id)).toEqual({ idNumber: '11010519491231002X' })
    expect(await auditActions(store)).toEqual([
      'create:person',
      'reveal_id_number:person',
      'edit:person',
      'reveal_id_number:person',
    ])
    // The number is never in the search index, the name is.
    expect(await store.search.search(store.db, '1101')).toEqual([])
    expect((await store.search.search(store.db, '张伟')).map((h) => h.id)).toEqual([saved.id])
  })
})
