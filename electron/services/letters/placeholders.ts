/**
 * `{key}` placeholders in template text. A part wrapped in `[[…]]` is dropped
 * when a placeholder inside it has no value (e.g. an optional 统一社会信用代码);
 * elsewhere a missing value prints as a blank line to fill in by hand.
 */

export const SCALAR_KEYS = [
  'grantor.name',
  'grantor.idType',
  'grantor.idType.en',
  'grantor.idNumber',
  'grantor.uscc',
  'grantee.name',
  'grantee.uscc',
  'parent.name',
  'parent.uscc',
  'child.name',
  'child.uscc',
  'validFrom',
  'validUntil',
  'date',
  'validFrom.en',
  'validUntil.en',
  'date.en',
] as const

/** Keys of one trademark table row. */
export const ROW_KEYS = ['index', 'text', 'regNo', 'class'] as const
export type RowKey = (typeof ROW_KEYS)[number]

export type Values = Partial<Record<string, string>>

/** What a value left empty prints as: room for a handwritten entry. */
const BLANK = '________________'

const PLACEHOLDER = /\{([A-Za-z.]+)\}/g
const OPTIONAL = /\[\[(.*?)\]\]/gs

/** Every placeholder key used in a text. */
export function placeholderKeys(text: string): string[] {
  return Array.from(text.matchAll(PLACEHOLDER), (m) => m[1] ?? '')
}

function substitute(text: string, values: Values): string {
  return text.replace(PLACEHOLDER, (_, key: string) => values[key] ?? BLANK)
}

export function fill(text: string, values: Values): string {
  const withOptional = text.replace(OPTIONAL, (_, inner: string) =>
    placeholderKeys(inner).every((key) => values[key]) ? substitute(inner, values) : '',
  )
  return substitute(withOptional, values)
}
