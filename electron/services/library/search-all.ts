import { sql } from 'kysely'
import { maskIdNumber } from '../../../shared/library/mask'
import type { SearchHit } from '../../../shared/library/schemas'
import { LIBRARY_PAPERS, REQUIREMENTS } from '../../../shared/rules/requirements'
import type { LibraryStore } from '../storage/library-store'

/** How many hits a search returns at most (as the index's search). */
const LIMIT = 50
/** Part of an ID number: at least this many characters (fewer would list everyone). */
const MIN_ID_PART = 4

/**
 * The library's search (issue 13 item 14), on either engine: the index (names, numbers —
 * any part of one —, marks, notes, packets, relations, read scans), plus what the index
 * deliberately does not hold:
 * - persons by part of their ID number, matched on the row at query time (numbers stay out of
 *   the index) and shown masked, never in full;
 * - documents and letters by their type (营业执照, 授权书), from the requirements table's labels.
 */
export async function searchAll(library: LibraryStore, query: string): Promise<SearchHit[]> {
  const indexed = await library.search.search(library.db, query, LIMIT)
  const [byId, byType] = await Promise.all([idNumberHits(library, query), typeHits(library, query)])
  const owners = await documentOwners(
    library,
    indexed.filter((hit) => hit.kind === 'document').map((hit) => hit.id),
  )
  const hits: SearchHit[] = []
  const seen = new Map<string, SearchHit>()
  const add = (hit: SearchHit) => {
    const key = `${hit.kind}:${hit.id}`
    const known = seen.get(key)
    if (known) {
      if (hit.detail && !known.detail) known.detail = hit.detail
      return
    }
    seen.set(key, hit)
    hits.push(hit)
  }
  for (const hit of indexed) {
    if (hit.kind !== 'document') add(hit)
    else {
      // A document in the recycle bin (or purged) is not a hit.
      const owner = owners.get(hit.id)
      if (owner) add({ ...hit, owner })
    }
  }
  for (const hit of [...byId, ...byType]) add(hit)
  return hits.slice(0, LIMIT)
}

async function documentOwners(
  library: LibraryStore,
  ids: string[],
): Promise<Map<string, NonNullable<SearchHit['owner']>>> {
  if (ids.length === 0) return new Map()
  const rows = await library.db
    .selectFrom('documents')
    .select(['id', 'owner_kind', 'owner_id'])
    .where('id', 'in', ids)
    .where('deleted_at', 'is', null)
    .execute()
  return new Map(rows.map((row) => [row.id, { kind: row.owner_kind, id: row.owner_id }]))
}

/** The query as part of an ID or passport number (digits and letters, upper-case), or null. */
function idNumberPart(query: string): string | null {
  const part = query.normalize('NFKC').replace(/\s+/g, '').toUpperCase()
  return part.length >= MIN_ID_PART && /^[0-9A-Z]+$/.test(part) && /\d/.test(part) ? part : null
}

async function idNumberHits(library: LibraryStore, query: string): Promise<SearchHit[]> {
  const part = idNumberPart(query)
  if (!part) return []
  // The part holds only [0-9A-Z]: nothing for LIKE to read as a wildcard. Numbers are stored
  // normalised (upper-case), so the match is the same on both engines.
  const rows = await library.db
    .selectFrom('persons')
    .select(['id', 'name', 'id_number'])
    .where('deleted_at', 'is', null)
    .where('id_number', 'like', `%${part}%`)
    .orderBy('name')
    .orderBy('id')
    .limit(LIMIT)
    .execute()
  return rows.map((row) => ({
    kind: 'person' as const,
    id: row.id,
    title: row.name,
    detail: row.id_number ? maskIdNumber(row.id_number) : '',
  }))
}

const TYPE_LABELS: { id: string; zh: string; en: string }[] = Object.entries({
  ...REQUIREMENTS,
  ...LIBRARY_PAPERS,
}).map(([id, spec]) => ({ id, zh: spec.label.zh, en: spec.label.en.toLowerCase() }))

/** The document types whose label holds the whole query (营业执照, 授权书, "licence"). */
function typesOf(query: string): { id: string; zh: string }[] {
  const q = query.normalize('NFKC').trim().toLowerCase()
  const cjk = /[\u3400-\u9fff]/u.test(q)
  if (cjk ? Array.from(q).length < 2 : q.length < 3) return []
  return TYPE_LABELS.filter((t) => t.zh.includes(q) || t.en.includes(q))
}

interface LetterRow {
  id: string
  requirement: string
  relation_id: string
  valid_until: string
  from_name: string | null
  to_name: string | null
}

async function typeHits(library: LibraryStore, query: string): Promise<SearchHit[]> {
  const types = typesOf(query)
  if (types.length === 0) return []
  const label = new Map(types.map((t) => [t.id, t.zh]))
  const ids = types.map((t) => t.id)
  const documents = await library.db
    .selectFrom('documents')
    .select(['id', 'requirement', 'owner_kind', 'owner_id', 'catalog_name'])
    .where('requirement', 'in', ids)
    .where('deleted_at', 'is', null)
    .orderBy('updated_at', 'desc')
    .orderBy('id')
    .limit(LIMIT)
    .execute()
  const letters = await sql<LetterRow>`SELECT l.id, l.requirement, l.relation_id, l.valid_until,
      COALESCE(fc.name, fp.name) AS from_name, tc.name AS to_name
    FROM letters l
    JOIN relations r ON r.id = l.relation_id AND r.deleted_at IS NULL
    LEFT JOIN companies fc ON fc.id = r.from_company_id
    LEFT JOIN persons fp ON fp.id = r.from_person_id
    LEFT JOIN companies tc ON tc.id = r.to_company_id
    WHERE l.requirement IN (${sql.join(ids)})
    ORDER BY l.created_at DESC, l.id
    LIMIT ${LIMIT}`.execute(library.db)
  return [
    ...documents.map((d) => ({
      kind: 'document' as const,
      id: d.id,
      title: d.catalog_name
        ? `${label.get(d.requirement) ?? ''}：${d.catalog_name}`
        : (label.get(d.requirement) ?? ''),
      detail: '',
      owner: { kind: d.owner_kind, id: d.owner_id },
    })),
    ...letters.rows.map((l) => ({
      kind: 'letter' as const,
      id: l.id,
      title: `${label.get(l.requirement) ?? ''}：${l.from_name ?? ''} → ${l.to_name ?? ''}（${l.valid_until}）`,
      detail: '',
      owner: { kind: 'relation' as const, id: l.relation_id },
    })),
  ]
}
