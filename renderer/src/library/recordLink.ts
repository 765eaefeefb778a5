/** A library record a link can open: `#/library/<kind>/<id>` (今日's rows, the expiry list). */
export type RecordKind = 'company' | 'person' | 'trademark' | 'relation'

function libraryRecordHash(kind: RecordKind, id: string): string {
  return `#/library/${kind}/${encodeURIComponent(id)}`
}

/** Go to the library with the record's drawer open. */
export function openLibraryRecord(kind: RecordKind, id: string): void {
  window.location.hash = libraryRecordHash(kind, id)
}

/** The record the address names, if any. */
export function recordInHash(): { kind: RecordKind; id: string } | null {
  const match = /^#\/library\/(company|person|trademark|relation)\/([^/?&#]+)/.exec(
    window.location.hash,
  )
  if (!match?.[1] || !match[2]) return null
  return { kind: match[1] as RecordKind, id: decodeURIComponent(match[2]) }
}
