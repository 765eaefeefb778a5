import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { indexEntity, searchLibrary } from '../../../electron/services/library/search'
import { teamInit } from '../../../electron/services/team/init'
import { indexEntityTeam, searchTeam } from '../../../electron/services/team/search'
import { testBackend } from '../../helpers/backend'
import { freshDatabase, withClient } from '../../helpers/team'

/**
 * Search in the team library behaves as in the embedded one: the same rows indexed in both
 * engines give the same hits for the same queries (two-character Chinese terms, the middle of
 * a name, single characters, word prefixes, hostile quoting).
 */
const local = testBackend()
let url = ''
const ROWS: [string, string[]][] = [
  ['上海青禾文化传媒有限公司', ['91310000MA1FL8XQ3K', '品牌咨询']],
  ['北京山岚科技有限公司', ['91110108MA01ABCD2X', '']],
  ['ACME Trading Ltd', ['贸易', "O'Brien & Sons"]],
  ['禾木', ['45678901']],
  ['远帆食品', ['备注：青禾的供应商']],
]
for (let i = 0; i < 200; i++) {
  ROWS.push([
    `第${i}号${['文化', '贸易', '科技', '食品'][i % 4] ?? ''}公司`,
    [String(10_000_000 + i)],
  ])
}

beforeAll(async () => {
  url = await freshDatabase('search')
  await teamInit(url)
  await withClient(url, async (client) => {
    for (const [i, [title, texts]] of ROWS.entries()) {
      indexEntity(local.backend.db, 'company', `c${i}`, title, [title, ...texts])
      await indexEntityTeam(client, 'company', `c${i}`, title, [title, ...texts])
    }
  })
}, 60_000)
afterAll(() => local.cleanup())

const QUERIES = [
  '青禾',
  '禾文',
  '禾',
  '文化传媒',
  'acme',
  'ACM',
  '9131',
  '山岚 科技',
  "o'brien",
  'obrien',
  '\\',
  "'",
  '1000001',
  '食品',
  '不存在的词',
  '',
  // Any part of a number (issue 13 item 14): the middle of a USCC, of a registration number.
  '0000MA',
  'ma01abcd',
  '567890',
  '00001',
  '8xq3k',
]

describe('search: team library (PostgreSQL) as the embedded library (SQLite)', () => {
  it('gives the same hits for the same queries', async () => {
    await withClient(url, async (client) => {
      for (const query of QUERIES) {
        const ours = (await searchTeam(client, query, 500)).map((h) => h.id).sort()
        const embedded = searchLibrary(local.backend.db, query, 500)
          .map((h) => h.id)
          .sort()
        expect(ours, query).toEqual(embedded)
      }
    })
  })

  it('finds a two-character term and the middle of a name', async () => {
    await withClient(url, async (client) => {
      expect((await searchTeam(client, '禾文')).map((h) => h.title)).toEqual([
        '上海青禾文化传媒有限公司',
      ])
      const hits = (await searchTeam(client, '青禾')).map((h) => h.id).sort()
      expect(hits).toEqual(['c0', 'c4'])
      expect(await searchTeam(client, '')).toEqual([])
    })
  })

  it('finds a USCC by six characters from its middle, as the embedded library does', async () => {
    await withClient(url, async (client) => {
      expect((await searchTeam(client, '0000MA')).map((h) => h.id)).toEqual(['c0'])
      expect(searchLibrary(local.backend.db, '0000MA').map((h) => h.id)).toEqual(['c0'])
      expect((await searchTeam(client, '0108MA')).map((h) => h.id)).toEqual(['c1'])
    })
  })
})
