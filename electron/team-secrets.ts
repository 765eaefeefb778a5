import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { safeStorage } from 'electron'
import type { TeamLogin, TeamSecrets } from './services/team/secrets'

/** In the data folder (private to the user): the address, and the password sealed by the OS. */
const FILE = 'team-login.json'

/**
 * The team login kept between runs: the password encrypted with the OS keychain through
 * Electron's safeStorage (DPAPI on Windows, Keychain on macOS, libsecret on Linux), never in
 * plain text. Where the OS offers no encryption the login is not kept (this run only).
 */
export function keychainTeamSecrets(dataDir: string): TeamSecrets {
  const file = join(dataDir, FILE)
  // On Linux without a keyring safeStorage falls back to a fixed key ('basic_text'): that would
  // be the password in the clear in effect, so the login is then kept for the run only.
  const sealable = async (): Promise<boolean> =>
    (await safeStorage.isAsyncEncryptionAvailable()) &&
    safeStorage.getSelectedStorageBackend() !== 'basic_text'
  const write = (login: TeamLogin, sealed: Buffer): void => {
    const temp = `${file}.${process.pid}.tmp`
    writeFileSync(temp, JSON.stringify({ url: login.url, sealed: sealed.toString('base64') }), {
      mode: 0o600,
    })
    renameSync(temp, file)
  }
  return {
    async load(): Promise<TeamLogin | null> {
      if (!existsSync(file) || !(await sealable())) return null
      try {
        const saved = JSON.parse(readFileSync(file, 'utf8')) as { url: string; sealed: string }
        const opened = await safeStorage.decryptStringAsync(Buffer.from(saved.sealed, 'base64'))
        const login = { url: saved.url, password: opened.result }
        // The OS rotated its key: seal the password again with the new one.
        if (opened.shouldReEncrypt)
          write(login, await safeStorage.encryptStringAsync(login.password))
        return login
      } catch {
        return null
      }
    },
    async save(login: TeamLogin): Promise<boolean> {
      if (!(await sealable())) return false
      write(login, await safeStorage.encryptStringAsync(login.password))
      return true
    },
    clear(): Promise<void> {
      rmSync(file, { force: true })
      return Promise.resolve()
    },
  }
}
