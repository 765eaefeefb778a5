import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { contract, type Handlers } from '../../shared/contract'
import { AppError } from '../../shared/errors'
import { METHOD_NAMES } from '../../shared/methods'
import { dispatch } from '../../electron/services/dispatch'

function recordingHandlers(calls: string[]): Handlers {
  const subset: Pick<Handlers, 'system.info' | 'settings.get' | 'settings.setLanguage'> = {
    'system.info': () => {
      calls.push('system.info')
      return Promise.resolve({
        appVersion: '1',
        dataDir: '/d',
        sqliteVersion: '3',
        schemaVersion: 1,
        filesMissing: 0,
        orphansRemoved: 0,
      })
    },
    'settings.get': () => {
      calls.push('settings.get')
      return Promise.resolve({ language: 'zh-CN' })
    },
    'settings.setLanguage': ({ language }) => {
      calls.push(`settings.setLanguage:${language}`)
      return Promise.resolve({ language })
    },
  }
  // Only these three are called here; the rest of the contract is exercised elsewhere.
  return subset as Handlers
}

describe('contract', () => {
  it('has exactly one entry per method name, each with zod input and output schemas', () => {
    expect(Object.keys(contract).sort()).toEqual([...METHOD_NAMES].sort())
    for (const name of METHOD_NAMES) {
      expect(contract[name].input, name).toBeInstanceOf(z.ZodType)
      expect(contract[name].output, name).toBeInstanceOf(z.ZodType)
    }
  })

  it('refuses an invalid payload, naming the field, and runs nothing', async () => {
    const calls: string[] = []
    const result = await dispatch(recordingHandlers(calls), 'settings.setLanguage', {
      language: 'fr',
    })
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', field: 'language' },
    })
    expect(!result.ok && result.error.message).toContain('language')
    expect(calls).toEqual([])
  })

  it('refuses unexpected extra fields and non-object payloads', async () => {
    const calls: string[] = []
    const extra = await dispatch(recordingHandlers(calls), 'system.info', { sneaky: 1 })
    expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } })
    const notObject = await dispatch(recordingHandlers(calls), 'settings.get', 'hello')
    expect(notObject).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', field: '(input)' },
    })
    expect(calls).toEqual([])
  })

  it('refuses unknown methods, including prototype names', async () => {
    const calls: string[] = []
    for (const method of ['nope', '__proto__', 'constructor', 'toString', '']) {
      const result = await dispatch(recordingHandlers(calls), method, {})
      expect(result, method).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
    }
    expect(calls).toEqual([])
  })

  it('runs a valid call and returns its value', async () => {
    const calls: string[] = []
    const result = await dispatch(recordingHandlers(calls), 'settings.setLanguage', {
      language: 'en',
    })
    expect(result).toEqual({ ok: true, value: { language: 'en' } })
    expect(calls).toEqual(['settings.setLanguage:en'])
  })

  it('passes AppErrors through with their code and hides other errors', async () => {
    const handlers = recordingHandlers([])
    handlers['settings.get'] = () => Promise.reject(new AppError('CONFLICT', '冲突'))
    handlers['system.info'] = () => Promise.reject(new Error('secret 11010519491231002X'))
    expect(await dispatch(handlers, 'settings.get', {})).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '冲突' },
    })
    const hidden = await dispatch(handlers, 'system.info', {})
    expect(hidden).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(JSON.stringify(hidden)).not.toContain('11010519491231002X')
  })
})
