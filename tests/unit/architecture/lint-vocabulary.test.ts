import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SCAN_KINDS } from '../../../shared/rules/scan-kinds'
import { REQUIREMENT_IDS } from '../../../shared/rules/requirements'
import { ESLint, Linter } from 'eslint'
import tseslint from 'typescript-eslint'
import { PROJECT_ROOT } from '../../helpers/cli'

/** The ESLint rule that keeps requirement ids and scan kinds in shared/ knows all of them. */
async function vocabularyOfRule(): Promise<string[]> {
  const eslint = new ESLint({ cwd: PROJECT_ROOT })
  const config = (await eslint.calculateConfigForFile(
    join(PROJECT_ROOT, 'electron/services/packets/scenario.ts'),
  )) as { rules?: Record<string, unknown> }
  const entry = JSON.stringify(config.rules?.['no-restricted-syntax'])
  const alternation = /\^\(([a-z_|]+)\)\$/.exec(entry)?.[1] ?? ''
  return alternation.split('|').sort()
}

describe('eslint.config.mjs vocabulary rule', () => {
  it('knows every requirement id and every scan kind but the ordinary word and identity documents', async () => {
    const excluded = ['unknown', 'resident_id', 'passport', 'hk_macao_permit', 'taiwan_permit']
    const expected = [
      ...new Set([...REQUIREMENT_IDS, ...SCAN_KINDS.filter((k) => !excluded.includes(k))]),
    ].sort()
    expect(await vocabularyOfRule()).toEqual(expected)
  })

  it('fires on a requirement id spelled in electron/ and renderer/, not in migrations or demo data', async () => {
    const eslint = new ESLint({ cwd: PROJECT_ROOT })
    const ruleFor = async (file: string): Promise<unknown> => {
      const config = (await eslint.calculateConfigForFile(join(PROJECT_ROOT, file))) as {
        rules?: Record<string, unknown>
      }
      return config.rules?.['no-restricted-syntax']
    }
    const linter = new Linter({ configType: 'flat' })
    const fires = (rule: unknown, code: string) =>
      linter
        .verify(
          code,
          [
            {
              files: ['**/*.ts'],
              languageOptions: { parser: tseslint.parser },
              rules: { 'no-restricted-syntax': rule as Linter.RuleEntry },
            },
          ],
          'probe.ts',
        )
        .some((m) => m.ruleId === 'no-restricted-syntax')
    const service = await ruleFor('electron/services/packets/scenario.ts')
    expect(fires(service, "export const x = 'registrant_id_copy'\n")).toBe(true)
    expect(fires(service, "export const x = 'acceptance_notice'\n")).toBe(true)
    expect(fires(service, "export const x = 'registrant'\n")).toBe(false)
    expect(
      fires(await ruleFor('renderer/src/packets/CheckStep.tsx'), "export const x = 'avatar'\n"),
    ).toBe(true)
    expect(await ruleFor('electron/services/demo/demo.ts')).toBeUndefined()
    expect(await ruleFor('electron/services/db/migrations/0005-letters.ts')).toBeUndefined()
  })
})
