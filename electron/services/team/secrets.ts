/** A clerk's team login: the address without the password, and the password. */
export interface TeamLogin {
  url: string
  password: string
}

/**
 * Where a door keeps the team login between runs. Electron: the password encrypted with the
 * OS keychain through safeStorage (electron/team-secrets.ts); the browser host keeps none (the
 * login lasts for the run). Services never import Electron: the door hands this in.
 */
export interface TeamSecrets {
  load(): Promise<TeamLogin | null>
  /** Whether the login was kept (false: this run only, e.g. no OS encryption). */
  save(login: TeamLogin): Promise<boolean>
  clear(): Promise<void>
}

/** The login as one URL for the backend (never shown or logged: redactDatabaseUrl). */
export function loginUrl(login: TeamLogin): string {
  const url = new URL(login.url)
  url.password = login.password
  return url.toString()
}
