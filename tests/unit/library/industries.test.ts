import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Backend } from '../../../electron/services/backend'
import { mergedCatalog } from '../../../electron/services/industries-user'
import { findIndustry } from '../../../shared/industries/catalog'
import { suiteBackend } from '../../helpers/backend'
import { CATALOG } from '../../helpers/scenario-builder'

let backend: Backend
let cleanup: () => Promise<void>
beforeEach(async () => {
  const t = await suiteBackend()
  backend = t.backend
  cleanup = t.cleanup
})
afterEach(() => cleanup())

const PAIR = { primary: '美妆个护', secondary: '护肤/彩妆/香水（普通化妆品）' }

describe('user edits of the industry catalog', () => {
  it('override a starter entry, survive a new starter catalog, and can be restored', async () => {
    const h = backend.handlers
    await h['industries.save']({
      ...PAIR,
      documents: [{ name: '化妆品备案截图', required: true }],
      scopeKeywords: ['化妆品零售'],
      confidence: 'user',
    })
    const merged = await h['industries.catalog']({})
    expect(findIndustry(merged, PAIR.primary, PAIR.secondary)).toMatchObject({
      confidence: 'user',
      documents: [{ name: '化妆品备案截图', required: true }],
    })
    // An app update ships a different starter entry: the user's version still wins.
    const newer = {
      ...CATALOG,
      catalogVersion: 'next',
      industries: CATALOG.industries.map((e) =>
        e.primary === PAIR.primary && e.secondary === PAIR.secondary ? { ...e, documents: [] } : e,
      ),
    }
    expect(
      findIndustry(
        await mergedCatalog(backend.context.library.db, newer),
        PAIR.primary,
        PAIR.secondary,
      )?.documents,
    ).toEqual([{ name: '化妆品备案截图', required: true }])
    await h['industries.remove']({ ...PAIR, hide: false })
    expect(
      findIndustry(await h['industries.catalog']({}), PAIR.primary, PAIR.secondary)?.confidence,
    ).toBe('other-platform')
  })

  it('add new industries and hide starter ones; the plan follows', async () => {
    const h = backend.handlers
    await h['industries.save']({
      primary: '自定义',
      secondary: '新行业',
      documents: [{ name: '许可证', required: true }],
      scopeKeywords: [],
      confidence: 'user',
    })
    await h['industries.remove']({ ...PAIR, hide: true })
    const catalog = await h['industries.catalog']({})
    expect(findIndustry(catalog, '自定义', '新行业')).toBeDefined()
    expect(findIndustry(catalog, PAIR.primary, PAIR.secondary)).toBeUndefined()
    const edits = await h['industries.userEdits']({})
    expect(edits).toHaveLength(2)
    // The user's own entry is not in the starter catalog (removing it deletes it); the hidden one is.
    expect(edits.find((e) => e.primary === '自定义')?.starter).toBe(false)
    expect(edits.find((e) => e.primary === PAIR.primary)?.starter).toBe(true)
  })
})
