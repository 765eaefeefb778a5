import type { ContentStore, PutResult } from './content-store'
import type { FileFacts } from './facts'
import type { InspectOptions } from './inspect'
import { inspectIsolated } from '../workers/isolated'

export interface ImportedFile extends PutResult {
  facts: FileFacts
}

/**
 * Inspect first (in a worker process: the file is untrusted), store after: a refused file (it
 * throws) never reaches the store.
 */
export async function importFile(
  store: ContentStore,
  bytes: Buffer,
  options: InspectOptions = {},
): Promise<ImportedFile> {
  const facts = await inspectIsolated(bytes, options)
  const stored = await store.put(bytes)
  return { ...stored, facts }
}
