/** The export: one call that turns a packet into a folder ready to upload (export-packet.ts). */
export { exportPacket } from './export-packet'
export { sweepStalePartials, STALE_PARTIAL_MS } from './staging'
export { CHECKLIST_FILE, MANIFEST_FILE, SLOT_FOLDERS } from './layout'
export type { ExportOptions, ExportProgress, ExportResult, Manifest, ManifestFile } from './types'
