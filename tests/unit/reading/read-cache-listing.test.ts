import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ReadCache } from '../../../electron/services/reading/read-cache'
import { tempDir } from '../../helpers/temp'

const temp = tempDir()
afterAll(() => temp.cleanup())

describe('the read cache listed at once (issue 14: 今日 plans every packet)', () => {
  it('names the files with an entry, and only those', () => {
    const cache = new ReadCache(join(temp.dir, 'data'))
    // No folder yet: nothing was read.
    expect(cache.storedShas()).toEqual(new Set())
    const read = 'a'.repeat(64)
    const failed = 'b'.repeat(64)
    cache.putPages(read, [])
    cache.putFailure(failed, '无法识别')
    expect(cache.storedShas()).toEqual(new Set([read, failed]))
    // The listing agrees with a lookup of each.
    expect(cache.get(read, '2026-11-28')).not.toBeNull()
    expect(cache.get('c'.repeat(64), '2026-11-28')).toBeNull()
  })
})
