import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'

/** Whether a process of this pid is running on this machine. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Removes what a killed process left in `dir`: entries whose name matches `pattern`, with the
 * owner's pid as the pattern's first group, when that process is gone. Another running
 * process's work in progress is left alone.
 */
export function sweepDeadLeftovers(dir: string, pattern: RegExp, keep: string[] = []): string[] {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  const removed: string[] = []
  for (const name of names) {
    const pid = Number(pattern.exec(name)?.[1])
    if (keep.includes(name)) continue
    if (!Number.isInteger(pid) || pid === process.pid || processAlive(pid)) continue
    rmSync(join(dir, name), { recursive: true, force: true })
    removed.push(name)
  }
  return removed
}
