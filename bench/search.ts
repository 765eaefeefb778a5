import { createBackend } from '../electron/services/backend'
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

/** Search p95 over a generated library of `count` indexed documents. */
export function benchSearch(count = Number(process.env.BENCH_SEARCH_DOCS ?? 100_000)): Metrics {
  const temp = tempDir('packetdesk-bench-')
  const backend = createBackend({ dataDir: temp.dir })
  try {
    let seed = 42
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % n
    }
    const word = () => WORDS[rand(WORDS.length)] ?? ''
    backend.db.transaction(() => {
      for (let i = 0; i < count; i++) {
        const title = `${SURNAMES[rand(SURNAMES.length)] ?? ''}${word()}${word()}有限公司`
        indexEntity(backend.db, 'document', `d-${i}`, title, [
          title,
          String(10_000_000 + i),
          `${word()}备注${word()}`,
        ])
      }
    })()
    const queries = [
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
