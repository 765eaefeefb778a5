import { randomBytes, timingSafeEqual } from 'node:crypto'

/** The cookie a browser tab holds after signing in (HttpOnly, SameSite=Strict, this run only). */
const SESSION_COOKIE = 'pd_session'
/** A one-time code handed to the browser opener is good for this long, once. */
const CODE_TTL_MS = 120_000

function newSecret(): string {
  return randomBytes(32).toString('base64url')
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * Who may call the browser host. The per-run token (printed on the terminal for the user who
 * started it) works as `Authorization: Bearer`. The browser opener gets a one-time code instead —
 * its command line is visible to every local user — which the page exchanges once for a session
 * cookie; the code is useless afterwards. The cookie makes a reopened tab or a bookmark work for
 * the run, and SameSite=Strict keeps other sites' pages from using it.
 */
export class HostSessions {
  private readonly codes = new Map<string, number>()
  private readonly sessions = new Set<string>()

  constructor(readonly token: string = newSecret()) {}

  /** A fresh one-time code (for the URL handed to the browser opener). */
  issueCode(now = Date.now()): string {
    const code = newSecret()
    this.codes.set(code, now + CODE_TTL_MS)
    return code
  }

  /** Exchange a one-time code or the token for a new session id; null when neither is valid. */
  signIn(credential: { code?: unknown; token?: unknown }, now = Date.now()): string | null {
    const { code, token } = credential
    let valid = false
    if (typeof code === 'string') {
      const expires = this.codes.get(code)
      this.codes.delete(code)
      valid = expires !== undefined && expires >= now
    } else if (typeof token === 'string') {
      valid = sameSecret(token, this.token)
    }
    if (!valid) return null
    const session = newSecret()
    this.sessions.add(session)
    return session
  }

  /** A request's bearer token or session cookie is valid. */
  allows(authorization: string | undefined, cookieHeader: string | undefined): boolean {
    const bearer = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1]
    if (bearer !== undefined) return sameSecret(bearer, this.token)
    const session = cookieValue(cookieHeader, SESSION_COOKIE)
    return session !== null && this.sessions.has(session)
  }
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return rest.join('=')
  }
  return null
}

export function sessionCookie(session: string): string {
  return `${SESSION_COOKIE}=${session}; HttpOnly; SameSite=Strict; Path=/`
}
