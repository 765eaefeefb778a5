import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PROJECT_ROOT, runCliProcess } from '../../helpers/cli'
import { differences, type Expected } from '../../helpers/plan-compare'
import { runPlanFile } from '../../helpers/plan-cli'

/** The team's reference scenarios beside the project (../shared/scenarios). */
const SCENARIO_DIR = join(PROJECT_ROOT, '..', 'shared', 'scenarios')

const names = existsSync(SCENARIO_DIR)
  ? readdirSync(SCENARIO_DIR)
      .filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'))
      .sort()
  : []

describe('../shared/scenarios', () => {
  it('exist (the team reference folder is beside the project)', () => {
    expect(names.length).toBeGreaterThan(0)
  })

  it.each(names)('%s agrees with its expected plan', (name) => {
    const file = join(SCENARIO_DIR, name)
    const expected = JSON.parse(
      readFileSync(file.replace(/\.json$/, '.expected.json'), 'utf8'),
    ) as Expected
    const run = runPlanFile(file)
    if (expected.error) {
      expect(run.code).toBe(2)
      expect(run.stderr).toContain(expected.field)
      return
    }
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.plan).not.toBeNull()
    if (run.plan) expect(differences(run.plan, expected)).toEqual([])
  })

  it('the real CLI process prints the same plan (npm run --silent cli -- plan FILE)', () => {
    const file = join(SCENARIO_DIR, names[0] ?? '')
    const cli = runCliProcess(['plan', file])
    expect(cli.status).toBe(0)
    expect(JSON.parse(cli.stdout)).toEqual(runPlanFile(file).plan)
  })
})
