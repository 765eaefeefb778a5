import type { FileStore } from '../storage/file-store'
import type { FileFacts } from './facts'
import type { InspectOptions } from './inspect'
import { inspectIsolated } from '../workers/isolated'

export interface ImportedFile {
  sha256: string
  existed: boolean
  facts: FileFacts
}

/**
 * Inspect first (in a worker process: the file is untrusted), store after: a refused file (it
 * throws) never reaches the store.
 */
export async function importFile(
  store: FileStore,
  bytes: Buffer,
  options: InspectOptions = {},
): Promise<ImportedFile> {
  const facts = await inspectIsolated(bytes, options)
  const stored = await store.put(bytes)
  return { ...stored, facts }
}
