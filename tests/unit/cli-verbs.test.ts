import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCliProcess } from '../helpers/cli'
import { baseScenario } from '../helpers/scenario-builder'
import { tempDir } from '../helpers/temp'

const temp = tempDir()
afterAll(() => temp.cleanup())

describe('cli validate', () => {
  it('prints {valid, normalized, reason}; exit 0 valid, 1 invalid, 2 unknown kind', () => {
    const ok = runCliProcess(['validate', 'resident_id', '11010519491231002x'])
    expect(ok.status).toBe(0)
    expect(JSON.parse(ok.stdout)).toEqual({
      valid: true,
      normalized: '11010519491231002X',
      reason: null,
    })
    const bad = runCliProcess(['validate', 'uscc', '91310000MA1FL0000A'])
    expect(bad.status).toBe(1)
    expect(JSON.parse(bad.stdout)).toMatchObject({ valid: false })
    expect(runCliProcess(['validate', 'bank_card', '123']).status).toBe(2)
    expect(runCliProcess(['validate', 'uscc']).status).toBe(2)
  })
})

describe('cli plan with invalid scenarios', () => {
  const write = (name: string, value: unknown) => {
    const file = join(temp.dir, name)
    writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value))
    return file
  }

  it.each([
    [
      'missing field',
      (s: Record<string, unknown>) => {
        delete s.asOf
      },
      'asOf',
    ],
    ['impossible date', (s: Record<string, unknown>) => void (s.asOf = '2026-02-30'), 'asOf'],
    [
      'unknown party',
      (s: Record<string, unknown>) =>
        void Object.assign((s.trademarks as Record<string, unknown>[])[0] ?? {}, {
          registrant: 'p-nobody',
        }),
      'trademarks[0].registrant',
    ],
    [
      'bad status',
      (s: Record<string, unknown>) =>
        void Object.assign((s.trademarks as Record<string, unknown>[])[0] ?? {}, {
          status: 'pending',
        }),
      'trademarks[0].status',
    ],
  ])('%s: exit 2, stderr names the field', (_label, patch, field) => {
    const scenario = baseScenario() as unknown as Record<string, unknown>
    patch(scenario)
    const result = runCliProcess(['plan', write(`${field}.json`, scenario)])
    expect(result.status).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain(field)
  })

  it('not JSON, or no file: exit 2', () => {
    expect(runCliProcess(['plan', write('broken.json', '{"asOf": ')]).status).toBe(2)
    expect(runCliProcess(['plan', join(temp.dir, 'none.json')]).status).toBe(2)
    expect(runCliProcess(['plan']).status).toBe(2)
  })
})
