/** What a backup archive holds (manifest.json, first entry of the archive). */
export interface BackupManifest {
  format: 1
  app: string
  schemaVersion: number
  createdAt: string
  /** Every other entry of the archive, with its size and SHA-256. */
  files: { path: string; bytes: number; sha256: string }[]
}

export const MANIFEST = 'manifest.json'
export const DATABASE = 'packetdesk.sqlite'

/** Entries a backup may hold: the manifest, the database, content-addressed files. */
export function isBackupPath(path: string): boolean {
  return path === MANIFEST || path === DATABASE || /^files\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(path)
}
