import { createHash } from 'node:crypto'
import { loadavg } from 'node:os'
import { sql, type Insertable, type Kysely } from 'kysely'
import type { Handlers } from '../shared/contract'
import type { PacketListItem } from '../shared/library/schemas'
import { createBackend, openBackend, type Backend } from '../electron/services/backend'
import type { LibraryTables } from '../electron/services/storage/tables'
import { tempDir } from '../tests/helpers/temp'
import { median, percentile, timeMsAsync, type Metrics } from './stats'
import { withTeamCluster } from './team'

/**
 * List latency on a big library (issue 11, "Must show — Benchmark"): the contract's list calls
 * a clerk makes, through the real handlers, on the embedded SQLite library and on a team library
 * (PostgreSQL, a throwaway local cluster) holding the same rows, side by side in one run.
 *
 * The filler is bulk-inserted through the storage port's Kysely handle in one transaction (the
 * same rows on both engines); the 50 packets are saved through `packets.save`. Only the timed
 * calls matter: every one goes through `backend.handlers`.
 */

const TODAY = '2026-11-28'
const COMPANIES = 2_000
const PERSONS = 500
const TRADEMARKS = 10_000
const RELATIONS = 1_000
/** Documents on the one big advertiser whose list is timed (of the 100,000). */
const BIG_OWNER_DOCS = 500
const BIG_OWNER = 'co-bench-0'

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'
const WORDS = ['文化', '传媒', '贸易', '科技', '品牌', '管理', '青禾', '山岚', '远帆', '枫叶']
const INDUSTRIES = [
  { primary: '美妆个护', secondary: '护肤/彩妆/香水（普通化妆品）' },
  { primary: '服饰鞋包配饰', secondary: '服装/内衣/鞋帽' },
]
const TRADEMARK_PAPERS = [
  'trademark_certificate',
  'trademark_certificate',
  'trademark_renewal_proof',
  'trademark_change_proof',
]

type Row<T extends keyof LibraryTables> = Insertable<LibraryTables[T]>
type PacketInput = Parameters<Handlers['packets.save']>[0]

interface Filler {
  companies: Row<'companies'>[]
  persons: Row<'persons'>[]
  trademarks: Row<'trademarks'>[]
  relations: Row<'relations'>[]
  files: Row<'files'>[]
  /** Each file's bytes (UTF-8 of this text): the team library's blobs. */
  fileTexts: string[]
  documents: Row<'documents'>[]
  packets: PacketInput[]
}

/** A day `offset` days after 2026-01-01 (ISO). */
function day(offset: number): string {
  return new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10)
}

/** The generated library: the same rows for both engines (a fixed seed). */
export function generatedLibrary(documentCount: number, packetCount: number): Filler {
  let seed = 7
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    return seed % n
  }
  const word = () => WORDS[rand(WORDS.length)] ?? ''
  const surname = () => SURNAMES[rand(SURNAMES.length)] ?? ''
  let tick = Date.UTC(2022, 0, 1)
  const stamp = () => new Date((tick += 1_000)).toISOString()
  const stamped = () => {
    const at = stamp()
    return { notes: '', created_at: at, updated_at: at }
  }

  const companies: Row<'companies'>[] = []
  for (let i = 0; i < COMPANIES; i++) {
    companies.push({
      id: `co-bench-${i}`,
      name: `${surname()}${word()}${word()}有限公司${i}`,
      region: 'domestic',
      business_scope: '服装服饰零售；化妆品零售',
      ...stamped(),
    })
  }
  const persons: Row<'persons'>[] = []
  for (let i = 0; i < PERSONS; i++) {
    persons.push({
      id: `pe-bench-${i}`,
      name: `${surname()}${word()}`,
      nationality: '中国',
      ...stamped(),
    })
  }
  const trademarks: Row<'trademarks'>[] = []
  for (let i = 0; i < TRADEMARKS; i++) {
    const byPerson = i % 10 === 9
    const accepted = rand(20) === 0
    trademarks.push({
      id: `tm-bench-${i}`,
      reg_no: String(30_000_000 + i),
      text: `${word()}${word()}`,
      class: 1 + rand(45),
      // Company k registers trademarks k, k + 2,000, … (the packets pick theirs from these).
      registrant_company_id: byPerson ? null : `co-bench-${i % COMPANIES}`,
      registrant_person_id: byPerson ? `pe-bench-${rand(PERSONS)}` : null,
      status: accepted ? 'application_accepted' : 'registered',
      valid_until: accepted ? null : day(-200 + rand(3_500)),
      acceptance_date: accepted ? day(-rand(300)) : null,
      ...stamped(),
    })
  }
  const relations: Row<'relations'>[] = []
  for (let i = 0; i < RELATIONS; i++) {
    const r = rand(20)
    const type = r < 14 ? 'authorization' : r < 17 ? 'general_agency' : 'parent_subsidiary'
    const to = rand(COMPANIES)
    const fromPerson = type === 'authorization' && rand(4) === 0
    relations.push({
      id: `re-bench-${i}`,
      type,
      from_company_id: fromPerson ? null : `co-bench-${(to + 1 + rand(COMPANIES - 1)) % COMPANIES}`,
      from_person_id: fromPerson ? `pe-bench-${rand(PERSONS)}` : null,
      to_company_id: `co-bench-${to}`,
      valid_from: type === 'parent_subsidiary' ? null : day(-rand(700)),
      valid_until: type === 'parent_subsidiary' ? null : day(rand(1_400)),
      ...stamped(),
    })
  }

  const files: Row<'files'>[] = []
  const fileTexts: string[] = []
  const documents: Row<'documents'>[] = []
  for (let i = 0; i < documentCount; i++) {
    let owner: Pick<Row<'documents'>, 'requirement' | 'owner_kind' | 'owner_id' | 'subject'>
    const r = rand(100)
    if (i < BIG_OWNER_DOCS) {
      const requirement = i % 5 === 0 ? 'business_licence' : 'industry_qualification'
      owner = { requirement, owner_kind: 'company', owner_id: BIG_OWNER, subject: '' }
    } else if (r < 55) {
      const id = `tm-bench-${rand(TRADEMARKS)}`
      const requirement = TRADEMARK_PAPERS[rand(TRADEMARK_PAPERS.length)] ?? ''
      owner = { requirement, owner_kind: 'trademark', owner_id: id, subject: id }
    } else if (r < 85) {
      const requirement = rand(3) === 0 ? 'business_licence' : 'industry_qualification'
      owner = {
        requirement,
        owner_kind: 'company',
        owner_id: `co-bench-${rand(COMPANIES)}`,
        subject: '',
      }
    } else if (r < 92) {
      const id = `pe-bench-${rand(PERSONS)}`
      owner = { requirement: 'registrant_id_copy', owner_kind: 'person', owner_id: id, subject: id }
    } else {
      const relation = relations[rand(RELATIONS)]
      if (!relation) throw new Error('no relation')
      const from = relation.from_company_id ?? relation.from_person_id ?? ''
      const requirement =
        relation.type === 'authorization'
          ? 'authorization_letter'
          : relation.type === 'general_agency'
            ? 'general_agency_authorization'
            : 'parent_subsidiary_proof'
      const subject =
        relation.type === 'parent_subsidiary'
          ? [from, relation.to_company_id].sort().join('<->')
          : `${from}->${relation.to_company_id}`
      owner = { requirement, owner_kind: 'relation', owner_id: relation.id, subject }
    }
    const text = `bench-file-${i}`
    const sha256 = createHash('sha256').update(text).digest('hex')
    const at = stamped()
    fileTexts.push(text)
    files.push({
      sha256,
      format: 'jpeg',
      width: 2480,
      height: 3508,
      bytes: 600_000 + rand(400_000),
      pages: 1,
      color: 1,
      original_name: `scan-${i}.jpg`,
      imported_at: at.created_at,
    })
    documents.push({
      id: `do-bench-${i}`,
      ...owner,
      file_sha256: sha256,
      // Four in ten carry a validity: some expired, some due soon, most later.
      valid_until: rand(10) < 4 ? day(-300 + rand(2_500)) : null,
      original_name: `scan-${i}.jpg`,
      ...at,
    })
  }

  const packets: PacketInput[] = []
  for (let k = 0; k < packetCount; k++) {
    const company = companies[k]
    if (!company) throw new Error('fewer companies than packets')
    const marks: string[] = []
    for (let i = k; i < TRADEMARKS && marks.length < 3; i += COMPANIES) {
      if (i % 10 !== 9) marks.push(`tm-bench-${i}`)
    }
    packets.push({
      applicantCompanyId: company.id,
      accountType: 'enterprise',
      accountName: `${company.name.slice(0, 4)}旗舰店${k}`,
      promotedSubject: 'none',
      industries: [INDUSTRIES[k % INDUSTRIES.length] ?? { primary: '', secondary: '' }],
      trademarkIds: marks,
    })
  }
  return { companies, persons, trademarks, relations, files, fileTexts, documents, packets }
}

/** Insert rows in batches (within both engines' limits on bound parameters). */
async function insertAll<T extends keyof LibraryTables>(
  db: Kysely<LibraryTables>,
  table: T,
  rows: Row<T>[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += 1_000) {
    await db
      .insertInto(table)
      .values(rows.slice(start, start + 1_000))
      .execute()
  }
}

/** The filler, in one transaction through the storage port; then the packets, through handlers. */
export async function fill(backend: Backend, library: Filler): Promise<void> {
  const store = backend.context.library
  await store.db.transaction().execute(async (trx) => {
    if (store.engine === 'postgres') {
      // The team library keeps the bytes too (files.sha256 refers to blobs): tiny ones here.
      for (let start = 0; start < library.fileTexts.length; start += 10_000) {
        const texts = library.fileTexts.slice(start, start + 10_000)
        await sql`INSERT INTO blobs (sha256, bytes)
                  SELECT encode(sha256(b), 'hex'), b
                  FROM (SELECT convert_to(t, 'UTF8') AS b FROM unnest(${texts}::text[]) AS t) s`.execute(
          trx,
        )
      }
    }
    await insertAll(trx, 'companies', library.companies)
    await insertAll(trx, 'persons', library.persons)
    await insertAll(trx, 'trademarks', library.trademarks)
    await insertAll(trx, 'relations', library.relations)
    await insertAll(trx, 'files', library.files)
    await insertAll(trx, 'documents', library.documents)
  })
  for (const packet of library.packets) await backend.handlers['packets.save'](packet)
  // The statistics autovacuum would gather soon after such a load anyway (SQLite has none).
  if (store.engine === 'postgres') await sql`VACUUM ANALYZE`.execute(store.db)
}

interface ListCall {
  key: string
  label: string
  /** Timed calls per engine at most … */
  rounds: number
  /** … and no more once an engine's samples of this call add up to this (ms; at least one). */
  budgetMs: number
  /** An untimed call first (not for packets.list: one call plans the whole library 50 times). */
  warmUp: boolean
  call: (h: Handlers) => Promise<unknown[]>
  /** Checked on the first answer: the timed calls do the work they are named for. */
  check?: (rows: unknown[]) => void
}

function listCalls(packets: number): ListCall[] {
  return [
    {
      key: 'documents',
      label: `documents.list (one company's documents)`,
      rounds: 30,
      budgetMs: 20_000,
      warmUp: true,
      call: (h) => h['documents.list']({ ownerKind: 'company', ownerId: BIG_OWNER }),
    },
    {
      key: 'companies',
      label: `companies.list`,
      rounds: 30,
      budgetMs: 20_000,
      warmUp: true,
      call: (h) => h['companies.list']({}),
    },
    {
      key: 'trademarks',
      label: `trademarks.list`,
      rounds: 20,
      budgetMs: 20_000,
      warmUp: true,
      call: (h) => h['trademarks.list']({}),
    },
    {
      key: 'expiries',
      label: 'library.expiries',
      rounds: 10,
      budgetMs: 20_000,
      warmUp: true,
      call: (h) => h['library.expiries']({}),
    },
    {
      key: 'packets',
      label: `packets.list (${packets} packets, each planned)`,
      rounds: Number(process.env.BENCH_LIST_PACKET_ROUNDS ?? 3),
      budgetMs: 30_000,
      warmUp: false,
      call: (h) => h['packets.list']({}),
      check: (rows) => assertPlanned(rows as PacketListItem[], packets),
    },
  ]
}

interface Timing {
  p50: number
  p95: number
  samples: number
  rows: number
}

type Engine = 'sqlite' | 'pg'

/**
 * p50/p95 of each call on both backends, the engines taking turns call by call: whatever else
 * loads the machine meanwhile weighs on both alike.
 */
async function timeCalls(
  backends: Record<Engine, Backend>,
  calls: ListCall[],
): Promise<Record<Engine, Record<string, Timing>>> {
  const out: Record<Engine, Record<string, Timing>> = { sqlite: {}, pg: {} }
  const engines: Engine[] = ['sqlite', 'pg']
  for (const c of calls) {
    const samples: Record<Engine, number[]> = { sqlite: [], pg: [] }
    const rows: Record<Engine, number> = { sqlite: 0, pg: 0 }
    for (const engine of engines) {
      if (!c.warmUp) continue
      const answer = await c.call(backends[engine].handlers)
      c.check?.(answer)
      rows[engine] = answer.length
    }
    const spent = (engine: Engine) => samples[engine].reduce((a, b) => a + b, 0)
    for (let round = 0; round < c.rounds; round++) {
      if (round > 0 && engines.some((e) => spent(e) >= c.budgetMs)) break
      for (const engine of engines) {
        let answer: unknown[] = []
        samples[engine].push(
          await timeMsAsync(async () => {
            answer = await c.call(backends[engine].handlers)
          }),
        )
        if (!c.warmUp && round === 0) {
          c.check?.(answer)
          rows[engine] = answer.length
        }
      }
    }
    for (const engine of engines) {
      out[engine][c.key] = {
        p50: median(samples[engine]),
        p95: percentile(samples[engine], 95),
        samples: samples[engine].length,
        rows: rows[engine],
      }
    }
  }
  return out
}

/** Every packet was planned (a failed plan shows as not ready with this reason, hiding the cost). */
function assertPlanned(listed: PacketListItem[], packets: number): void {
  const failed = listed.filter((p) => p.formProblems.some((f) => f.startsWith('无法计算')))
  if (listed.length !== packets || failed.length > 0) {
    throw new Error(`packets.list: ${listed.length} packets, ${failed.length} not planned`)
  }
}

/** Both libraries built, then timed side by side (the cluster stops afterwards). */
async function onBothEngines(
  library: Filler,
  calls: ListCall[],
): Promise<{ timings: Record<Engine, Record<string, Timing>>; fillMs: Record<Engine, number> }> {
  return withTeamCluster(async (teamDatabase) => {
    const url = await teamDatabase('bench_list')
    const sqliteDir = tempDir('packetdesk-bench-')
    const pgDir = tempDir('packetdesk-bench-')
    const sqlite = createBackend({ dataDir: sqliteDir.dir, today: () => TODAY })
    try {
      const pg = await openBackend({ dataDir: pgDir.dir, databaseUrl: url, today: () => TODAY })
      try {
        const fillMs = {
          sqlite: await timeMsAsync(() => fill(sqlite, library)),
          pg: await timeMsAsync(() => fill(pg, library)),
        }
        return { timings: await timeCalls({ sqlite, pg }, calls), fillMs }
      } finally {
        pg.close()
        await pg.context.library.close()
        pgDir.cleanup()
      }
    } finally {
      sqlite.close()
      sqliteDir.cleanup()
    }
  })
}

const ms = (value: number) => (value >= 100 ? value.toFixed(0) : value.toFixed(1))

/**
 * `npm run bench list`: p50/p95 of documents.list, companies.list, trademarks.list,
 * library.expiries and packets.list on 100,000 documents, SQLite and PostgreSQL in one run.
 */
export async function benchList(
  documents = Number(process.env.BENCH_LIST_DOCS ?? 100_000),
  packets = Number(process.env.BENCH_LIST_PACKETS ?? 50),
): Promise<Metrics> {
  const library = generatedLibrary(documents, packets)
  const calls = listCalls(packets)
  const load = loadavg()[0] ?? 0
  const { timings, fillMs } = await onBothEngines(library, calls)
  const metrics: Metrics = {
    'list.docs': documents,
    'list.packets': packets,
    'list.fill_s_sqlite': fillMs.sqlite / 1000,
    'list.fill_s_pg': fillMs.pg / 1000,
  }
  const widths = [40, 7, 8, 18, 18, 8]
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 10)).join(' ')
  console.log(
    `\nlist latency on ${documents.toLocaleString('en')} documents (${COMPANIES} companies, ${TRADEMARKS} trademarks, ${RELATIONS} relations), ms; engines alternated; load average at start ${load.toFixed(1)}`,
  )
  console.log(
    line(['call', 'rows', 'calls', 'SQLite p50/p95', 'PostgreSQL p50/p95', 'PG/SQLite p95']),
  )
  for (const c of calls) {
    const s = timings.sqlite[c.key]
    const p = timings.pg[c.key]
    if (!s || !p) continue
    metrics[`list.${c.key}_p50_ms_sqlite`] = s.p50
    metrics[`list.${c.key}_p95_ms_sqlite`] = s.p95
    metrics[`list.${c.key}_p50_ms_pg`] = p.p50
    metrics[`list.${c.key}_p95_ms_pg`] = p.p95
    metrics[`list.${c.key}_pg_over_sqlite_p95`] = p.p95 / s.p95
    console.log(
      line([
        c.label,
        s.rows === p.rows ? String(s.rows) : `${s.rows}≠${p.rows}`,
        String(s.samples),
        `${ms(s.p50)} / ${ms(s.p95)}`,
        `${ms(p.p50)} / ${ms(p.p95)}`,
        `${(p.p95 / s.p95).toFixed(2)}×`,
      ]),
    )
  }
  console.log('')
  return metrics
}
