import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'

/**
 * The app's `resources/` folder (industry catalog, fonts, templates). Found by
 * walking up from this module, which works from the sources (tsx: CLI, tests)
 * and from the bundle (out/main); PACKETDESK_RESOURCES_DIR overrides it.
 */
export function resourcesDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PACKETDESK_RESOURCES_DIR) return env.PACKETDESK_RESOURCES_DIR
  let dir = __dirname
  for (;;) {
    const candidate = join(dir, 'resources')
    if (existsSync(join(candidate, 'industries'))) return candidate
    const parent = dirname(dir)
    if (parent === dir) throw new Error('resources/ folder not found')
    dir = parent
  }
}
