import { readdirSync, rmSync } from 'node:fs'
import { hostname } from 'node:os'
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
 * process's work in progress is left alone. Names carry this machine's name (see
 * leftoverTag) so that two PCs writing to one shared folder never judge each other's pids.
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
    try {
      rmSync(join(dir, name), { recursive: true, force: true })
      removed.push(name)
    } catch {
      // Best effort (a file held open on Windows): the next sweep tries again.
    }
  }
  return removed
}

/** This machine, as leftover names carry it: a pid means something only on its own machine. */
export function leftoverTag(): string {
  return (
    hostname()
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(0, 24) || 'host'
  )
}
