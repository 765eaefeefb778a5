import { REQUIREMENTS, type RequirementTable } from './requirements'

/**
 * RULES.md §4b helpers: what the scans of a requirement say. Structural types, so the scenario
 * schema can use them without an import circle.
 */
export interface ReadFacts {
  kind: string
  fields?: Readonly<Record<string, string | undefined>> | undefined
}
interface ReadDocument {
  requirement: string
  subject?: string | null | undefined
  file?: { read?: ReadFacts | null | undefined } | null | undefined
}

/** Names: NFKC, all whitespace removed, no case folding (§4b). */
export function normalName(value: string): string {
  return value.normalize('NFKC').replace(/\s+/gu, '')
}

/** Numbers: as names, and upper-cased. */
export function normalNumber(value: string): string {
  return normalName(value).toUpperCase()
}

/** A field as read, or null when absent or empty ("not read"; blank counts as empty). */
export function readField(read: ReadFacts, name: string): string | null {
  const value = read.fields?.[name]
  return value === undefined || normalName(value) === '' ? null : value
}

/** "Known" kind: any kind other than `unknown`. */
export function isKnownKind(kind: string): boolean {
  return kind !== 'unknown'
}

/** Whether a requirement accepts scans of this kind (R18); a null list accepts every kind. */
export function acceptsKind(
  requirement: string,
  kind: string,
  table: RequirementTable = REQUIREMENTS,
): boolean {
  const accepted = Object.hasOwn(table, requirement) ? table[requirement]?.acceptedScanKinds : null
  return accepted == null || (accepted as readonly string[]).includes(kind)
}

/**
 * The reads of a requirement's files whose kind it names as accepted: only these are compared
 * with the record (a paper of the wrong kind is R18's alone; an `unknown` one says nothing).
 */
export function acceptedReads(
  documents: readonly ReadDocument[],
  requirement: string,
  subject: string,
  table: RequirementTable = REQUIREMENTS,
): ReadFacts[] {
  const accepted = Object.hasOwn(table, requirement) ? table[requirement]?.acceptedScanKinds : null
  if (!accepted) return []
  const out: ReadFacts[] = []
  for (const d of documents) {
    const read = d.file?.read
    if (d.requirement !== requirement || (d.subject ?? '') !== subject || !read) continue
    if ((accepted as readonly string[]).includes(read.kind)) out.push(read)
  }
  return out
}

/** R17: the stamp dates read from a trademark's acceptance notices. */
export function readAcceptanceDates(
  documents: readonly ReadDocument[],
  trademarkId: string,
): string[] {
  return acceptedReads(documents, 'trademark_acceptance_notice', trademarkId)
    .map((read) => readField(read, 'acceptanceDate'))
    .filter((date): date is string => date !== null)
}
