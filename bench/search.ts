import pg from 'pg'
import { createBackend } from '../electron/services/backend'
import { searchTokens } from '../electron/services/library/search-tokens'
import { connectTeam } from '../electron/services/team/connect'
import { teamInit } from '../electron/services/team/init'
import { searchTeam } from '../electron/services/team/search'
import { startPostgresCluster } from '../tests/setup/postgres-cluster'
import { indexEntity, searchLibrary } from '../electron/services/library/search'
import { tempDir } from '../tests/helpers/temp'
import { median, percentile, timeMs, type Metrics } from './stats'

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗'
const WORDS = [
  '文化',
  '传媒',
  '贸易',
  '科技',
  '品牌',
  '管理',
  '青禾',
  '山岚',
  '远帆',
  '枫叶',
  '食品',
  '美妆',
  '服饰',
  '电子',
  '咨询',
]

/** The generated library: the same rows for both engines. */
function generatedRows(count: number): { id: string; title: string; texts: string[] }[] {
  let seed = 42
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    return seed % n
  }
  const word = () => WORDS[rand(WORDS.length)] ?? ''
  const rows: { id: string; title: string; texts: string[] }[] = []
  for (let i = 0; i < count; i++) {
    const title = `${SURNAMES[rand(SURNAMES.length)] ?? ''}${word()}${word()}有限公司`
    rows.push({
      id: `d-${i}`,
      title,
      texts: [title, String(10_000_000 + i), `${word()}备注${word()}`],
    })
  }
  return rows
}

const QUERIES = [
  '青禾',
  '文化传媒',
  '山岚品牌',
  '1000',
  '咨询',
  '枫叶食品',
  '王青',
  '备注',
  'zz',
  '贸易科技',
]

/**
 * Search p95 over a generated library of `count` indexed documents, in the embedded library
 * (SQLite FTS5) and in the team library (PostgreSQL, a throwaway local cluster) side by side.
 */
export async function benchSearch(
  count = Number(process.env.BENCH_SEARCH_DOCS ?? 100_000),
): Promise<Metrics> {
  const rows = generatedRows(count)
  const sqlite = benchSearchSqlite(rows)
  const postgres = await benchSearchPostgres(rows)
  return {
    ...sqlite,
    ...postgres,
    'search.pg_over_sqlite_p95': postgres['search.pg_p95_ms'] / sqlite['search.p95_ms'],
  }
}

async function benchSearchPostgres(
  rows: { id: string; title: string; texts: string[] }[],
): Promise<{ 'search.pg_median_ms': number; 'search.pg_p95_ms': number }> {
  const cluster = await startPostgresCluster()
  try {
    const admin = new pg.Client({ connectionString: cluster.url })
    await admin.connect()
    await admin.query('CREATE DATABASE bench')
    await admin.end()
    const url = cluster.url.replace(/\/postgres$/, '/bench')
    await teamInit(url)
    const client = await connectTeam(url)
    try {
      for (let start = 0; start < rows.length; start += 5_000) {
        const batch = rows.slice(start, start + 5_000).map((r) => ({
          id: r.id,
          title: r.title,
          tokens: [...new Set(r.texts.flatMap(searchTokens))],
        }))
        await client.query(
          `INSERT INTO search_index (entity_kind, entity_id, title, body)
           SELECT 'document', r->>'id', r->>'title',
                  array_to_tsvector(ARRAY(SELECT jsonb_array_elements_text(r->'tokens')))
           FROM jsonb_array_elements($1::jsonb) AS r`,
          [JSON.stringify(batch)],
        )
      }
      await client.query('ANALYZE search_index')
      for (const q of QUERIES) await searchTeam(client, q)
      const samples: number[] = []
      for (let round = 0; round < 20; round++) {
        for (const q of QUERIES) {
          const started = performance.now()
          await searchTeam(client, q)
          samples.push(performance.now() - started)
        }
      }
      return { 'search.pg_median_ms': median(samples), 'search.pg_p95_ms': percentile(samples, 95) }
    } finally {
      await client.end()
    }
  } finally {
    cluster.stop()
  }
}

function benchSearchSqlite(rows: { id: string; title: string; texts: string[] }[]): {
  'search.docs': number
  'search.median_ms': number
  'search.p95_ms': number
} {
  const count = rows.length
  const temp = tempDir('packetdesk-bench-')
  const backend = createBackend({ dataDir: temp.dir })
  try {
    backend.db.transaction(() => {
      for (const row of rows) indexEntity(backend.db, 'document', row.id, row.title, row.texts)
    })()
    const queries = QUERIES
    for (const q of queries) searchLibrary(backend.db, q)
    const samples: number[] = []
    for (let round = 0; round < 20; round++) {
      for (const q of queries) samples.push(timeMs(() => searchLibrary(backend.db, q)))
    }
    return {
      'search.docs': count,
      'search.median_ms': median(samples),
      'search.p95_ms': percentile(samples, 95),
    }
  } finally {
    backend.close()
    temp.cleanup()
  }
}
