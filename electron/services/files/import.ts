import type { FileStore } from '../storage/file-store'
import { KeyedSerial } from '../storage/keyed-serial'
import type { FileFacts } from './facts'
import type { InspectOptions } from './inspect'
import { inspectForImportIsolated } from '../workers/isolated'

export interface ImportedFile {
  sha256: string
  existed: boolean
  facts: FileFacts
  /** The list thumbnail, from the inspection's decode (JPEG, long side ≤ 320 px). */
  thumbnail: Buffer
}

/**
 * Imports of the same bytes store and record one after another: a batch imports files side by
 * side, and two copies of one file in it must not both see "not stored yet", one then removing
 * the file the other's row refers to after its own row was refused.
 */
const sameBytes = new KeyedSerial()

/**
 * Inspect first (in a worker process: the file is untrusted), store after: a refused file (it
 * throws) never reaches the store. The bytes are staged (written once, hashed on the way) and
 * the worker reads them from there; accepted, the staged file is moved into the store. `record`
 * writes the rows that refer to the file; when it throws, a file this import stored is removed
 * again.
 */
export async function importFile(
  store: FileStore,
  bytes: Buffer,
  options: InspectOptions = {},
  record: (file: ImportedFile) => Promise<void> = () => Promise.resolve(),
): Promise<ImportedFile> {
  const staged = await store.stage(bytes)
  let inspected
  try {
    inspected = await inspectForImportIsolated(staged.path, options)
  } catch (error) {
    await staged.discard()
    throw error
  }
  const { facts, thumbnail } = inspected
  return sameBytes.run(staged.sha256, async () => {
    const stored = await staged.commit().catch(async (error: unknown) => {
      await staged.discard()
      throw error
    })
    const file = { sha256: stored.sha256, existed: stored.existed, facts, thumbnail }
    try {
      await record(file)
    } catch (error) {
      if (!stored.existed) await store.remove(stored.sha256)
      throw error
    }
    return file
  })
}
