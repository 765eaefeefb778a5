import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SCAN_KINDS } from '../../../shared/rules/scan-kinds'
import { REQUIREMENT_IDS } from '../../../shared/rules/types'
import { ESLint, Linter } from 'eslint'
import tseslint from 'typescript-eslint'
import { PROJECT_ROOT } from '../../helpers/cli'

/** The ESLint rule that keeps requirement ids and scan kinds in shared/ knows all of them. */
function listIn(config: string, name: string): string[] {
  const match = new RegExp(`export const ${name} = \\[([^\\]]*)\\]`).exec(config)
  return [...(match?.[1] ?? '').matchAll(/'([a-z_]+)'/g)].map((m) => m[1] ?? '')
}

describe('eslint.config.mjs vocabulary rule', () => {
  const config = readFileSync(join(PROJECT_ROOT, 'eslint.config.mjs'), 'utf8')

  it('lists exactly the requirement ids of shared/rules', () => {
    expect(listIn(config, 'REQUIREMENT_IDS')).toEqual([...REQUIREMENT_IDS])
  })

  it('lists every scan kind except the ordinary word and the identity documents', () => {
    const excluded = ['unknown', 'resident_id', 'passport', 'hk_macao_permit', 'taiwan_permit']
    expect(listIn(config, 'SCAN_KINDS_CHECKED').sort()).toEqual(
      SCAN_KINDS.filter((k) => !excluded.includes(k)).sort(),
    )
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
