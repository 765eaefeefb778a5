import { pickLabel, type Language, type RelationType } from '../i18n/labels'
import {
  LIBRARY_PAPERS,
  REQUIREMENTS,
  type OwnerSpec,
  type RequirementSpec,
  type RequirementTable,
} from './requirements'
import type { Route, Slot } from './types'

/**
 * Everything derived from the requirements table (requirements.ts). Each function takes the
 * table as its last argument (the shipped one by default) so a test can add a requirement in a
 * fixture and watch it flow to the import target, the export folder and the checklist.
 */

/** The library's owner kinds (shared/library/schemas.ts OWNER_KINDS). */
export type LibraryOwnerKind = 'company' | 'person' | 'trademark' | 'relation' | 'packet'

export function specOf(id: string, table: RequirementTable = REQUIREMENTS): RequirementSpec | null {
  return Object.hasOwn(table, id) ? (table[id] ?? null) : null
}

export function isRequirementId(id: string, table: RequirementTable = REQUIREMENTS): boolean {
  return specOf(id, table) !== null
}

/** A plan requirement or a library-only paper (what documents.import accepts). */
export function isDocumentPurpose(id: string, table: RequirementTable = REQUIREMENTS): boolean {
  return isRequirementId(id, table) || Object.hasOwn(LIBRARY_PAPERS, id)
}

/** 商标注册证 / Trademark certificate; an unknown id (a library-only paper) by its own label. */
export function requirementLabel(
  id: string,
  language: Language = 'zh-CN',
  table: RequirementTable = REQUIREMENTS,
): string {
  const spec = specOf(id, table)
  if (spec) return pickLabel(spec.label, language)
  const paper = (LIBRARY_PAPERS as Record<string, { label: { zh: string; en: string } }>)[id]
  return paper ? pickLabel(paper.label, language) : id
}

export function fileLabel(
  id: string,
  language: Language = 'zh-CN',
  table: RequirementTable = REQUIREMENTS,
): string {
  const spec = specOf(id, table)
  return spec ? pickLabel(spec.fileLabel, language) : requirementLabel(id, language, table)
}

function libraryOwnerKind(owner: OwnerSpec): LibraryOwnerKind {
  return owner.kind === 'applicant' ? 'company' : owner.kind
}

/** What a document on this kind of owner can serve, in table order (the import dialog's choices). */
export function purposesFor(
  ownerKind: LibraryOwnerKind,
  table: RequirementTable = REQUIREMENTS,
): string[] {
  const all: [string, OwnerSpec][] = [
    ...Object.entries(table).map(([id, spec]): [string, OwnerSpec] => [id, spec.owner]),
    ...Object.entries(LIBRARY_PAPERS).map(([id, paper]): [string, OwnerSpec] => [id, paper.owner]),
  ]
  return all.filter(([, owner]) => libraryOwnerKind(owner) === ownerKind).map(([id]) => id)
}

/** R8: link items are emailed on the email route; everything else keeps its form slot. */
export function slotFor(id: string, route: Route, table: RequirementTable = REQUIREMENTS): Slot {
  const spec = specOf(id, table)
  if (!spec) return 'other'
  return route === 'email' && spec.link ? 'email' : spec.slot
}

/** The account avatar (R1): its own slot, one file, judged by R1 rather than R2. */
export function isAvatarSlot(id: string, table: RequirementTable = REQUIREMENTS): boolean {
  return specOf(id, table)?.slot === 'avatar'
}

export function isColourRequired(id: string, table: RequirementTable = REQUIREMENTS): boolean {
  return specOf(id, table)?.colourRequired ?? false
}

/** The requirement a relation of this type is proven by (its letter, when PacketDesk fills one). */
export function requirementOfRelation(
  type: RelationType,
  table: RequirementTable = REQUIREMENTS,
): string | null {
  for (const [id, spec] of Object.entries(table)) {
    if (spec.owner.kind === 'relation' && spec.owner.relationType === type) return id
  }
  return null
}

/** Requirements PacketDesk can generate a letter for. */
export function letterRequirementIds(table: RequirementTable = REQUIREMENTS): string[] {
  return Object.entries(table)
    .filter(([, spec]) => spec.letter !== null)
    .map(([id]) => id)
}

/** The built-in template that fills a requirement's letter for this kind of grantor, or null. */
export function letterTemplateFor(
  id: string,
  grantorKind: 'company' | 'person',
  table: RequirementTable = REQUIREMENTS,
): string | null {
  const letter = specOf(id, table)?.letter
  if (!letter) return null
  return grantorKind === 'person' ? letter.person : letter.company
}

/** `A->B` (directed) or `A<->B` (the two ids sorted, RULES.md §3). */
export function parseRelationSubject(
  subject: string,
): { from: string; to: string; unordered: boolean } | null {
  const unordered = subject.includes('<->')
  const parts = subject.split(unordered ? '<->' : '->')
  const [from, to] = parts
  if (parts.length !== 2 || !from || !to) return null
  return { from, to, unordered }
}

/** Where a requirement's file lives in the library (before any relation is looked up). */
export type RequirementOwner =
  | { ownerKind: 'packet' | 'company' | 'trademark' | 'person'; ownerId: string; subject: string }
  | {
      ownerKind: 'relation'
      relationType: RelationType
      from: string
      to: string
      unordered: boolean
    }

export function ownerOf(
  ref: { id: string; subject: string },
  packet: { id: string; applicantCompanyId: string },
  table: RequirementTable = REQUIREMENTS,
): RequirementOwner | null {
  const spec = specOf(ref.id, table)
  if (!spec) return null
  switch (spec.owner.kind) {
    case 'packet':
      return { ownerKind: 'packet', ownerId: packet.id, subject: '' }
    case 'applicant':
      return { ownerKind: 'company', ownerId: packet.applicantCompanyId, subject: ref.subject }
    case 'trademark':
      return { ownerKind: 'trademark', ownerId: ref.subject, subject: ref.subject }
    case 'person':
      return { ownerKind: 'person', ownerId: ref.subject, subject: ref.subject }
    case 'relation': {
      const parsed = parseRelationSubject(ref.subject)
      return parsed
        ? { ownerKind: 'relation', relationType: spec.owner.relationType, ...parsed }
        : null
    }
  }
}

/** What a packet's scenario reaches: the records whose documents may serve it. */
export interface PacketDocumentScope {
  packetId: string
  applicantId: string
  trademarkIds: ReadonlySet<string>
  partyIds: ReadonlySet<string>
  relationIds: ReadonlySet<string>
}

/**
 * Whether a library document serves a packet (the documents buildScenario hands the rules and
 * the export may write): the packet's own files, the applicant's papers its owner rule names,
 * and the files of the trademarks, parties and relations the packet's scenario reaches.
 */
export function documentServesPacket(
  document: { requirement: string; ownerKind: LibraryOwnerKind; ownerId: string },
  scope: PacketDocumentScope,
  table: RequirementTable = REQUIREMENTS,
): boolean {
  const spec = specOf(document.requirement, table)
  if (!spec || libraryOwnerKind(spec.owner) !== document.ownerKind) return false
  switch (spec.owner.kind) {
    case 'packet':
      return document.ownerId === scope.packetId
    case 'applicant':
      return document.ownerId === scope.applicantId
    case 'trademark':
      return scope.trademarkIds.has(document.ownerId)
    case 'person':
      return scope.partyIds.has(document.ownerId)
    case 'relation':
      return scope.relationIds.has(document.ownerId)
  }
}
