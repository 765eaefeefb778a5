import type { ContentStore, PutResult } from './content-store'
import type { FileFacts } from './facts'
import { inspectFile, type InspectOptions } from './inspect'

export interface ImportedFile extends PutResult {
  facts: FileFacts
}

/** Inspect first, store after: a refused file (it throws) never reaches the store. */
export async function importFile(
  store: ContentStore,
  bytes: Buffer,
  options: InspectOptions = {},
): Promise<ImportedFile> {
  const facts = await inspectFile(bytes, options)
  const stored = await store.put(bytes)
  return { ...stored, facts }
}
