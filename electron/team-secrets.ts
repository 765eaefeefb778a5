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
  const write = (login: TeamLogin, sealed: Buffer): void => {
    const temp = `${file}.${process.pid}.tmp`
    writeFileSync(temp, JSON.stringify({ url: login.url, sealed: sealed.toString('base64') }), {
      mode: 0o600,
    })
    renameSync(temp, file)
  }
  return {
    async load(): Promise<TeamLogin | null> {
      if (!existsSync(file) || !(await safeStorage.isAsyncEncryptionAvailable())) return null
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
    async save(login: TeamLogin): Promise<void> {
      if (!(await safeStorage.isAsyncEncryptionAvailable())) return
      write(login, await safeStorage.encryptStringAsync(login.password))
    },
    clear(): Promise<void> {
      rmSync(file, { force: true })
      return Promise.resolve()
    },
  }
}
