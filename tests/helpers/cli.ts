import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

export const PROJECT_ROOT = join(__dirname, '..', '..')

export interface CliResult {
  status: number | null
  stdout: string
  stderr: string
}

/** Run the real CLI as a user would (`npm run --silent cli -- …` runs this same file). */
export function runCliProcess(args: string[], env: NodeJS.ProcessEnv = {}): CliResult {
  const result = spawnSync(
    process.execPath,
    [join(PROJECT_ROOT, 'bin', 'packetdesk.cjs'), ...args],
    {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      env: { ...process.env, ...env },
      timeout: 60_000,
    },
  )
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}
