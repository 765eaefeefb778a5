/** Error codes that cross every door (IPC, HTTP, CLI) unchanged. */
const ERROR_CODES = [
  'INVALID_ARGUMENT',
  'UNKNOWN_METHOD',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  /** A save made from a row another clerk (or window) has changed since: reload, then save. */
  'STALE',
  /** The team library's server cannot be reached now: nothing was changed; retried in the background. */
  'UNAVAILABLE',
  'DB_TOO_NEW',
  'FILE_REJECTED',
  'INTERNAL',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export interface WireError {
  code: ErrorCode
  /** For the user, in Chinese. */
  message: string
  /** For INVALID_ARGUMENT: the dotted path of the offending field. */
  field?: string
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: WireError }

/** An error with a stable code; thrown by services and rethrown in the renderer. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly field: string | undefined

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.field = field
  }

  toWire(): WireError {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field }
  }
}

export function isWireError(value: unknown): value is WireError {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return (
    typeof v.code === 'string' &&
    (ERROR_CODES as readonly string[]).includes(v.code) &&
    typeof v.message === 'string'
  )
}
