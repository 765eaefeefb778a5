import { afterAll, describe, expect, it } from 'vitest'
import { testBackend } from '../../helpers/backend'

const t = testBackend()
afterAll(() => t.cleanup())
const h = t.backend.handlers
const db = t.backend.context.library.db

describe('SQLite statements reused by their text (issue 14, start-up)', () => {
  it('the same query again reads the rows as they are now', async () => {
    const names = () =>
      db.selectFrom('companies').select('name').where('deleted_at', 'is', null).execute()
    expect(await names()).toEqual([])
    await h['companies.save']({ name: '青禾', region: 'domestic' })
    expect(await names()).toEqual([{ name: '青禾' }])
    await h['companies.save']({ name: '山岚', region: 'domestic' })
    expect((await names()).map((r) => r.name).sort()).toEqual(['山岚', '青禾'])
  })

  it('a query streamed, or left half-read, and the same query after it', async () => {
    const query = db.selectFrom('companies').select('name').orderBy('name')
    const streamed: string[] = []
    for await (const row of query.stream()) streamed.push(row.name)
    expect(streamed).toHaveLength(2)
    expect((await query.execute()).map((r) => r.name)).toEqual(streamed)
    for await (const row of query.stream()) {
      expect(row.name).toBe(streamed[0])
      break
    }
    expect((await query.execute()).map((r) => r.name)).toEqual(streamed)
  })
})
