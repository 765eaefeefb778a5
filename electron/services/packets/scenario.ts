import { avatarInUse } from '../../../shared/library/avatar-choice'
import type { LibraryDocument, Packet } from '../../../shared/library/schemas'
import type { ReadFacts } from '../../../shared/rules/scan-reads'
import { documentServesPacket, isAvatarSlot } from '../../../shared/rules/requirement-derive'
import type { FileFacts, Scenario, ScenarioDocument } from '../../../shared/rules/scenario'
import { listDocumentsServing } from '../library/documents'
import { listRelationsTouching } from '../library/relations'
import { listTrademarks } from '../library/trademarks'
import type { Executor } from '../storage/library-store'
import { getPacket } from './packets'

/**
 * A packet as the rules engine's scenario (RULES.md §5), built from the
 * library: the applicant, the packet's trademarks, every party and relation
 * reachable from their registrants in two hops (R10's general agent), and
 * every document that serves one of them. ID numbers stay in the backend.
 */
/** What a stored file's scan says (RULES.md §4b), when it has been read; null when not. */
export type ReadLookup = (sha256: string) => ReadFacts | null

export async function buildScenario(
  db: Executor,
  /** The packet, or its id (read here). */
  packetOrId: string | Packet,
  asOf: string,
  reads: ReadLookup = () => null,
  /** Documents to leave out: what the plan would be without them (a delete's impact). */
  without: ReadonlySet<string> = new Set(),
): Promise<Scenario> {
  const packet = typeof packetOrId === 'string' ? await getPacket(db, packetOrId) : packetOrId
  const company = (id: string) =>
    db
      .selectFrom('companies')
      .selectAll()
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()
  const person = (id: string) =>
    db
      .selectFrom('persons')
      .selectAll()
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()

  const applicant = await company(packet.applicantCompanyId)
  if (!applicant) throw new Error('applicant vanished')
  const trademarks = await listTrademarks(db, packet.trademarkIds)

  const partyIds = new Set<string>()
  for (const t of trademarks) {
    partyIds.add(t.registrant.id)
    if (t.transfereeCompanyId) partyIds.add(t.transfereeCompanyId)
  }
  // Two hops, each read by its ends (not the whole relations table: a big library has many).
  const near = new Set([...partyIds, applicant.id])
  for (const r of await listRelationsTouching(db, near)) near.add(r.to.id).add(r.from.id)
  const reachable = (await listRelationsTouching(db, near)).filter(
    (r) => near.has(r.from.id) && near.has(r.to.id),
  )
  for (const r of reachable) {
    partyIds.add(r.from.id)
    partyIds.add(r.to.id)
  }
  partyIds.delete(applicant.id)

  const parties: Scenario['parties'] = []
  for (const id of partyIds) {
    const c = await company(id)
    if (c) {
      parties.push({
        id,
        kind: 'company',
        name: c.name,
        region: c.region,
        uscc: c.uscc,
        businessScope: c.business_scope,
      })
      continue
    }
    const p = await person(id)
    if (p) {
      parties.push({
        id,
        kind: 'person',
        name: p.name,
        idDocument: p.id_type && p.id_number ? { type: p.id_type, number: p.id_number } : null,
        nationality: p.nationality,
      })
    }
  }

  const facts = (f: NonNullable<LibraryDocument['file']>): FileFacts => ({
    format: f.format,
    width: f.width,
    height: f.height,
    bytes: f.bytes,
    pages: f.pages,
    color: f.color,
    // R15–R18 judge what the scan says (issue 12): the read cache of this machine.
    read: reads(f.sha256),
  })
  const scope = {
    packetId: packet.id,
    applicantId: applicant.id,
    trademarkIds: new Set(trademarks.map((t) => t.id)),
    partyIds,
    relationIds: new Set(reachable.map((r) => r.id)),
  }
  const documents: NonNullable<Scenario['documents']> = []
  const avatars: LibraryDocument[] = []
  // Only what can serve the packet is read (the same rule, asked of the database first).
  const owned = await listDocumentsServing(db, scope)
  for (const d of owned) {
    // Which documents serve the packet is the requirements table's owner rule.
    if (!documentServesPacket(d, scope) || without.has(d.id)) continue
    if (isAvatarSlot(d.requirement)) {
      avatars.push(d)
      continue
    }
    documents.push({
      requirement: d.requirement as ScenarioDocument['requirement'],
      subject: d.subject,
      name: d.catalogName,
      file: d.file ? facts(d.file) : null,
      validUntil: d.validUntil,
    })
  }

  const avatarFile = avatarInUse(avatars)?.file ?? null
  return {
    asOf,
    applicant: {
      id: applicant.id,
      name: applicant.name,
      region: applicant.region,
      uscc: applicant.uscc,
      businessScope: applicant.business_scope,
    },
    account: {
      type: packet.accountType,
      name: packet.accountName,
      promotedSubject: packet.promotedSubject,
      industries: packet.industries,
      accountIndustry: packet.accountIndustry,
      avatar: avatarFile ? facts(avatarFile) : null,
    },
    parties,
    trademarks: trademarks.map((t) => ({
      id: t.id,
      regNo: t.regNo,
      text: t.text,
      class: t.class,
      registrant: t.registrant.id,
      status: t.status,
      validUntil: t.validUntil,
      acceptanceDate: t.acceptanceDate,
      transferee: t.transfereeCompanyId,
      officialRegistrantDiffers: t.officialRegistrantDiffers,
    })),
    relations: reachable.map((r) =>
      r.type === 'parent_subsidiary'
        ? { type: 'parent_subsidiary', parent: r.from.id, child: r.to.id, validUntil: r.validUntil }
        : { type: r.type, from: r.from.id, to: r.to.id, validUntil: r.validUntil },
    ),
    documents,
  }
}

/** Every record whose documents can serve a packet (the requirements table's owner rule). */
export function scopeOwnerIds(scope: {
  packetId: string
  applicantId: string
  trademarkIds: ReadonlySet<string>
  partyIds: ReadonlySet<string>
  relationIds: ReadonlySet<string>
}): string[] {
  return [
    scope.packetId,
    scope.applicantId,
    ...scope.trademarkIds,
    ...scope.partyIds,
    ...scope.relationIds,
  ]
}
