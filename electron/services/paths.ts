import { mkdirSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'

const APP_DIR_NAME = 'PacketDesk'
export const DATABASE_FILE = 'packetdesk.sqlite'

/**
 * The folder Electron's `app.getPath('userData')` uses for PacketDesk, so the
 * browser host and the CLI read the same library as the Electron app.
 */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') {
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), APP_DIR_NAME)
  }
  if (platform === 'darwin') {
    return join(home, 'Library', 'Application Support', APP_DIR_NAME)
  }
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_DIR_NAME)
}

/** `PACKETDESK_DATA_DIR` wins over the OS default. */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.PACKETDESK_DATA_DIR?.trim()
  return fromEnv ? fromEnv : defaultDataDir(process.platform, env)
}

/** Create the data folder (private to the user: it holds ID numbers). */
export function ensureDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 })
}
