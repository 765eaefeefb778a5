import type { FileFacts } from '../files/inspect'
import type { Executor } from '../storage/library-store'
import { now } from './ids'

/**
 * The files row of a stored file (content-addressed: the same bytes keep their
 * first row). Call inside the transaction that inserts the row referring to it.
 */
export async function recordFileRow(
  db: Executor,
  sha256: string,
  facts: FileFacts,
  originalName: string,
): Promise<void> {
  await db
    .insertInto('files')
    .values({
      sha256,
      format: facts.format,
      width: facts.width,
      height: facts.height,
      bytes: facts.bytes,
      pages: facts.pages,
      color: facts.color ? 1 : 0,
      original_name: originalName.normalize('NFC').slice(0, 255),
      imported_at: now(),
    })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute()
}
