import type { PaperRead } from '../../../shared/reading/paper-read'
import { searchableReadText } from '../../../shared/reading/suggestions'
import { requirementLabel } from '../../../shared/rules/requirement-derive'
import type { ReadFacts } from '../../../shared/rules/scan-reads'
import { SCAN_KIND_LABELS } from '../../../shared/rules/scan-kinds'
import type { BackendContext } from '../handlers/context'
import type { ReadingService } from './reading-service'

/**
 * What the rules see of a read (RULES.md §4b): the kind and the fields read for sure — a field
 * read but not confirmed (a check digit that fails, a date half hidden by a seal) is left out,
 * so R15–R18 never raise a mismatch on a misread.
 */
function readFactsOf(read: PaperRead): ReadFacts {
  const fields: Record<string, string> = {}
  for (const [name, value] of Object.entries(read.fields)) {
    if (!read.unsure.includes(name)) fields[name] = value
  }
  return { kind: read.kind, fields }
}

/** The read facts of a stored file from this machine's read cache, or null (not read). */
export function readFactsFor(
  reading: ReadingService,
  sha256: string,
  today: string,
): ReadFacts | null {
  const cached = reading.cache.get(sha256, today)
  return cached && 'read' in cached ? readFactsOf(cached.read) : null
}

/**
 * The read text joins the search index (two-character terms match inside scans), under each
 * live document stored as this file; an identity paper's text is never indexed (its number is
 * personal data, as the persons' numbers are kept out of the index).
 */
export async function indexReadText(
  ctx: BackendContext,
  sha256: string,
  read: PaperRead | null,
): Promise<void> {
  const text = read ? searchableReadText(read) : null
  const documents = await ctx.library.db
    .selectFrom('documents')
    .select(['id', 'requirement'])
    .where('file_sha256', '=', sha256)
    .where('deleted_at', 'is', null)
    .execute()
  for (const doc of documents) {
    if (!text || !read) {
      await ctx.library.search.unindex(ctx.library.db, 'document', doc.id)
      continue
    }
    const title = `${requirementLabel(doc.requirement)}（${SCAN_KIND_LABELS[read.kind].zh}）`
    await ctx.library.search.index(ctx.library.db, 'document', doc.id, title, [text])
  }
}
