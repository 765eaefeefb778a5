import { avatarInUse } from '../../../shared/library/avatar-choice'
import type { FileInfo, LibraryDocument, Packet } from '../../../shared/library/schemas'
import { ruleR14Validity } from '../../../shared/rules/evaluate'
import {
  documentServesPacket,
  isAvatarSlot,
  isColourRequired,
  specOf,
} from '../../../shared/rules/requirement-derive'
import { ruleR1AvatarFile, ruleR2UploadFile } from '../../../shared/rules/files'
import type { FileFacts, Scenario } from '../../../shared/rules/scenario'
import { bestStatus } from '../../../shared/rules/status'
import {
  isAnyOf,
  type PlainRequirement,
  type Plan,
  type Requirement,
  type RequirementId,
  type RequirementRef,
  type Status,
} from '../../../shared/rules/types'

export type StoredDocument = LibraryDocument & { file: FileInfo }

/** One library document the export turns into upload files. */
export interface SelectedDocument {
  /** The plan item it serves. */
  item: Requirement
  /** The requirement it is (for an anyOf item: the alternative chosen). */
  ref: { id: RequirementId; subject: string }
  document: StoredDocument
  /** industry_qualification: the catalog document it stands for, when the catalog lists one. */
  catalogName: string | null
}

export interface SelectionInput {
  plan: Plan
  scenario: Scenario
  packet: Packet
  /** Every live document of the library (listAllDocuments). */
  documents: LibraryDocument[]
  /** Ids of relations that still exist. */
  relationIds: ReadonlySet<string>
}

const USABLE: readonly Status[] = ['satisfied', 'fixable']
const RANK: Record<Status, number> = { satisfied: 3, fixable: 2, invalid: 1, missing: 0 }

/**
 * The documents the export writes, in plan order: for each requirement the one document the rules
 * judged best (satisfied before fixable, then the oldest, as evaluate.ts picks), for an anyOf the
 * alternative that has it, for an industry pair one document per catalog document. Items the plan
 * calls missing or invalid export nothing (their documents cannot serve: an expired relation, a
 * letter without a valid ID number), except industry pairs, whose usable documents a draft shows.
 */
export function selectDocuments(input: SelectionInput): SelectedDocument[] {
  const relevant = input.documents.filter((d): d is StoredDocument => isRelevant(d, input))
  const judge = judgeWith(input.scenario.asOf)
  const candidates = (ref: RequirementRef): StoredDocument[] => {
    const found = relevant.filter((d) => d.requirement === ref.id && d.subject === ref.subject)
    if (!isAvatarSlot(ref.id)) return found
    // The avatar the plan judged: the clerk's choice, else the newest (issue 13 item 6).
    const inUse = avatarInUse(found)
    return inUse ? [inUse] : []
  }

  const selected: SelectedDocument[] = []
  for (const item of input.plan.requirements) {
    // Industry pairs: one document per catalog document (R3).
    if (!isAnyOf(item) && specOf(item.id)?.slot === 'industry') {
      selected.push(...industryDocuments(item, candidates(item), judge))
      continue
    }
    if (!USABLE.includes(item.status)) continue
    const refs = isAnyOf(item) ? item.anyOf : [{ id: item.id, subject: item.subject }]
    let best: { ref: RequirementRef; document: StoredDocument; status: Status } | undefined
    for (const ref of refs) {
      const found = bestOf(candidates(ref), judge, ref.id)
      if (found && (!best || RANK[found.status] > RANK[best.status])) best = { ref, ...found }
    }
    if (best) {
      selected.push({
        item,
        ref: { id: best.ref.id, subject: best.ref.subject },
        document: best.document,
        catalogName: null,
      })
    }
  }
  return selected
}

type Judge = (document: StoredDocument, requirement: RequirementId) => Status

/** A document's own status, by the same rule functions the plan used. */
function judgeWith(asOf: string): Judge {
  return (document, requirement) => {
    if (ruleR14Validity(document.validUntil, asOf)) return 'invalid'
    const facts = toFacts(document.file)
    if (isAvatarSlot(requirement)) return ruleR1AvatarFile(facts).status
    return ruleR2UploadFile(facts, isColourRequired(requirement)).status
  }
}

function bestOf(
  documents: StoredDocument[],
  judge: Judge,
  requirement: RequirementId,
): { document: StoredDocument; status: Status } | undefined {
  const judged = documents.map((document) => ({ document, status: judge(document, requirement) }))
  const status = bestStatus(judged.map((j) => j.status))
  if (!USABLE.includes(status)) return undefined
  return judged.find((j) => j.status === status)
}

/**
 * industry.ts's assignment: documents named after a required catalog document serve it; unnamed
 * ones fill the remaining required documents in catalog order. With no catalog list, the best one.
 */
function industryDocuments(
  item: PlainRequirement,
  documents: StoredDocument[],
  judge: Judge,
): SelectedDocument[] {
  const ref = { id: item.id, subject: item.subject }
  const required = item.documents ?? []
  if (required.length === 0) {
    const found = bestOf(documents, judge, ref.id)
    return found ? [{ item, ref, document: found.document, catalogName: null }] : []
  }
  const unnamed = documents.filter((d) => !d.catalogName || !required.includes(d.catalogName))
  const out: SelectedDocument[] = []
  for (const name of required) {
    const named = documents.filter((d) => d.catalogName === name)
    const found = bestOf(named.length > 0 ? named : unnamed.splice(0, 1), judge, ref.id)
    if (found) out.push({ item, ref, document: found.document, catalogName: name })
  }
  return out
}

/** The same documents buildScenario (packets/scenario.ts) hands the rules: the table's owner rule. */
function isRelevant(document: LibraryDocument, input: SelectionInput): boolean {
  if (!document.file) return false
  return documentServesPacket(document, {
    packetId: input.packet.id,
    applicantId: input.scenario.applicant.id,
    trademarkIds: new Set(input.scenario.trademarks.map((t) => t.id)),
    partyIds: new Set(input.scenario.parties.map((p) => p.id)),
    relationIds: input.relationIds,
  })
}

function toFacts(file: FileInfo): FileFacts {
  return {
    format: file.format,
    width: file.width,
    height: file.height,
    bytes: file.bytes,
    pages: file.pages,
    color: file.color,
  }
}
