import type { Database } from 'better-sqlite3'
import { documentServesPacket, isAvatarSlot } from '../../../shared/rules/requirement-derive'
import type { FileFacts, Scenario, ScenarioDocument } from '../../../shared/rules/scenario'
import { listAllDocuments } from '../library/documents'
import { listRelations } from '../library/relations'
import { listTrademarks } from '../library/trademarks'
import { getPacket } from './packets'

interface CompanyRow {
  id: string
  name: string
  region: 'domestic' | 'foreign'
  uscc: string | null
  business_scope: string
}
interface PersonRow {
  id: string
  name: string
  id_type: 'resident_id' | 'passport' | 'hk_macao_permit' | 'taiwan_permit' | null
  id_number: string | null
  nationality: string
}

/**
 * A packet as the rules engine's scenario (RULES.md §5), built from the
 * library: the applicant, the packet's trademarks, every party and relation
 * reachable from their registrants in two hops (R10's general agent), and
 * every document that serves one of them. ID numbers stay in the backend.
 */
export function buildScenario(db: Database, packetId: string, asOf: string): Scenario {
  const packet = getPacket(db, packetId)
  const company = (id: string) =>
    db.prepare('SELECT * FROM companies WHERE id = ? AND deleted_at IS NULL').get(id) as
      CompanyRow | undefined
  const person = (id: string) =>
    db.prepare('SELECT * FROM persons WHERE id = ? AND deleted_at IS NULL').get(id) as
      PersonRow | undefined

  const applicant = company(packet.applicantCompanyId)
  if (!applicant) throw new Error('applicant vanished')
  const trademarks = listTrademarks(db).filter((t) => packet.trademarkIds.includes(t.id))

  const partyIds = new Set<string>()
  for (const t of trademarks) {
    partyIds.add(t.registrant.id)
    if (t.transfereeCompanyId) partyIds.add(t.transfereeCompanyId)
  }
  const allRelations = listRelations(db)
  const near = new Set([...partyIds, applicant.id])
  const relations = allRelations.filter((r) => near.has(r.from.id) || near.has(r.to.id))
  for (const r of relations) near.add(r.to.id).add(r.from.id)
  const reachable = allRelations.filter((r) => near.has(r.from.id) && near.has(r.to.id))
  for (const r of reachable) {
    partyIds.add(r.from.id)
    partyIds.add(r.to.id)
  }
  partyIds.delete(applicant.id)

  const parties: Scenario['parties'] = []
  for (const id of partyIds) {
    const c = company(id)
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
    const p = person(id)
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

  const facts = (
    f: NonNullable<ReturnType<typeof listAllDocuments>[number]['file']>,
  ): FileFacts => ({
    format: f.format,
    width: f.width,
    height: f.height,
    bytes: f.bytes,
    pages: f.pages,
    color: f.color,
  })
  const scope = {
    packetId: packet.id,
    applicantId: applicant.id,
    trademarkIds: new Set(trademarks.map((t) => t.id)),
    partyIds,
    relationIds: new Set(reachable.map((r) => r.id)),
  }
  const documents: NonNullable<Scenario['documents']> = []
  let avatar: FileFacts | null = null
  for (const d of listAllDocuments(db)) {
    // Which documents serve the packet is the requirements table's owner rule.
    if (!documentServesPacket(d, scope)) continue
    if (isAvatarSlot(d.requirement)) {
      if (d.file) avatar = facts(d.file)
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
      avatar,
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
