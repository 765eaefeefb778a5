/** What every validator returns (also the CLI's `validate` output). */
export interface ValidationResult {
  valid: boolean
  /** Upper case, no spaces: the form that is stored and printed. */
  normalized: string
  /** Why not valid (Chinese), or a warning for a valid value; null when clean. */
  reason: string | null
}

/** Upper case, without spaces of any width. */
export function normalizeNumber(value: string): string {
  return value.normalize('NFKC').replace(/\s+/gu, '').toUpperCase()
}
