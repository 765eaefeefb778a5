import type { Database } from 'better-sqlite3'
import { sql } from 'kysely'
import { RELATION_TYPE_LABELS } from '../../../shared/i18n/labels'
import type { Executor, LibraryStore } from '../storage/library-store'
import { indexEntity } from './search'

/**
 * Packets and relations in the search index (issue 13 item 14): a packet by its account name
 * and its applicant's name, a relation by its type and the names of both sides. Their titles
 * name other rows, so a rename re-indexes them (reindexDependents). One SQL text for both
 * engines and the embedded library's synchronous handle (a migration, a team pull).
 */
interface PacketRow {
  id: string
  account_name: string
  applicant_name: string | null
  notes: string
}

interface RelationRow {
  id: string
  type: keyof typeof RELATION_TYPE_LABELS
  from_name: string | null
  to_name: string | null
  notes: string
}

const PACKETS_SQL = `SELECT p.id, p.account_name, p.notes, c.name AS applicant_name
  FROM packets p LEFT JOIN companies c ON c.id = p.applicant_company_id
  WHERE p.deleted_at IS NULL`

const RELATIONS_SQL = `SELECT r.id, r.type, r.notes, COALESCE(fc.name, fp.name) AS from_name,
    tc.name AS to_name
  FROM relations r
  LEFT JOIN companies fc ON fc.id = r.from_company_id
  LEFT JOIN persons fp ON fp.id = r.from_person_id
  LEFT JOIN companies tc ON tc.id = r.to_company_id
  WHERE r.deleted_at IS NULL`

interface Entry {
  title: string
  texts: string[]
}

export function packetEntry(row: PacketRow): Entry {
  const applicant = row.applicant_name ?? ''
  return {
    title: applicant ? `${row.account_name}（${applicant}）` : row.account_name,
    texts: [row.account_name, applicant, row.notes],
  }
}

export function relationEntry(row: RelationRow): Entry {
  const label = RELATION_TYPE_LABELS[row.type].name
  const from = row.from_name ?? ''
  const to = row.to_name ?? ''
  return {
    title: `${label.zh}：${from} → ${to}`,
    texts: [label.zh, label.en, from, to, row.notes],
  }
}

/** Index (or, when deleted, unindex) one packet on either engine; `db` may be a transaction. */
export async function indexPacket(store: LibraryStore, db: Executor, id: string): Promise<void> {
  const { rows } = await sql<PacketRow>`${sql.raw(PACKETS_SQL)} AND p.id = ${id}`.execute(db)
  const row = rows[0]
  if (!row) return store.search.unindex(db, 'packet', id)
  const { title, texts } = packetEntry(row)
  await store.search.index(db, 'packet', id, title, texts)
}

/** Index (or, when deleted, unindex) one relation on either engine. */
export async function indexRelation(store: LibraryStore, db: Executor, id: string): Promise<void> {
  const { rows } = await sql<RelationRow>`${sql.raw(RELATIONS_SQL)} AND r.id = ${id}`.execute(db)
  const row = rows[0]
  if (!row) return store.search.unindex(db, 'relation', id)
  const { title, texts } = relationEntry(row)
  await store.search.index(db, 'relation', id, title, texts)
}

/** A company or person renamed: the packets and relations whose titles name it. */
export async function reindexDependents(
  store: LibraryStore,
  db: Executor,
  kind: 'company' | 'person',
  id: string,
): Promise<void> {
  const packets =
    kind === 'company'
      ? await db
          .selectFrom('packets')
          .select('id')
          .where('applicant_company_id', '=', id)
          .where('deleted_at', 'is', null)
          .execute()
      : []
  for (const p of packets) await indexPacket(store, db, p.id)
  const relations = await db
    .selectFrom('relations')
    .select('id')
    .where((eb) =>
      kind === 'company'
        ? eb.or([eb('from_company_id', '=', id), eb('to_company_id', '=', id)])
        : eb('from_person_id', '=', id),
    )
    .where('deleted_at', 'is', null)
    .execute()
  for (const r of relations) await indexRelation(store, db, r.id)
}

/** Every live packet and relation, on the embedded library's handle (migration 0014, a pull). */
export function indexPacketsAndRelationsSync(handle: Database): number {
  const packets = handle.prepare(PACKETS_SQL).all() as PacketRow[]
  for (const row of packets) {
    const { title, texts } = packetEntry(row)
    indexEntity(handle, 'packet', row.id, title, texts)
  }
  const relations = handle.prepare(RELATIONS_SQL).all() as RelationRow[]
  for (const row of relations) {
    const { title, texts } = relationEntry(row)
    indexEntity(handle, 'relation', row.id, title, texts)
  }
  return packets.length + relations.length
}

/** The packets' and relations' SQL, for the team library's own client (push, team init). */
export const TEAM_ENTRY_SQL = {
  packet: `${PACKETS_SQL} AND NOT EXISTS (SELECT 1 FROM search_index s
    WHERE s.entity_kind = 'packet' AND s.entity_id = p.id)`,
  relation: `${RELATIONS_SQL} AND NOT EXISTS (SELECT 1 FROM search_index s
    WHERE s.entity_kind = 'relation' AND s.entity_id = r.id)`,
}
