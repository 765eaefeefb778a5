import { createHash } from 'node:crypto'
import type { NameAllocator } from './safe-names'
import type { StagingFolder } from './staging'
import type { ManifestFile } from './types'

export type FileFacts = Omit<ManifestFile, 'path' | 'size' | 'sha256'>

/**
 * Puts files into the staging folder under allocated names and keeps the manifest's record of
 * each: its path, size and the SHA-256 of exactly the bytes written.
 */
export class ExportWriter {
  readonly files: ManifestFile[] = []
  private readonly folders = new Map<string, string>()

  constructor(
    private readonly staging: StagingFolder,
    private readonly names: NameAllocator,
  ) {}

  /** The allocated path of sub-folder `desired` of `parent` ('' for the root), allocated once. */
  folder(parent: string, desired: string): string {
    const key = `${parent}\u0000${desired}`
    let path = this.folders.get(key)
    if (path === undefined) {
      path = this.names.folder(parent, desired)
      this.folders.set(key, path)
    }
    return path
  }

  async add(folder: string, desiredName: string, data: Uint8Array, facts: FileFacts) {
    const name = this.names.allocate(folder, desiredName)
    const path = folder === '' ? name : `${folder}/${name}`
    await this.staging.write(path, data)
    const sha256 = createHash('sha256').update(data).digest('hex')
    const entry: ManifestFile = { path, ...facts, size: data.length, sha256 }
    this.files.push(entry)
    return entry
  }
}
