import { planFromFile } from '../../electron/cli/plan'
import type { Plan } from '../../shared/rules/types'

export interface PlanRun {
  code: number
  plan: Plan | null
  stdout: string
  stderr: string
}

/** The CLI's own code path for `plan FILE.json`, with its output captured. */
export function runPlanFile(file: string): PlanRun {
  let stdout = ''
  let stderr = ''
  const code = planFromFile(file, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: process.env,
  })
  return { code, stdout, stderr, plan: code === 0 ? (JSON.parse(stdout) as Plan) : null }
}
