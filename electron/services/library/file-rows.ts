import type { Database } from 'better-sqlite3'
import type { FileFacts } from '../files/inspect'
import { now } from './ids'

/**
 * The files row of a stored file (content-addressed: the same bytes keep their
 * first row). Call inside the transaction that inserts the row referring to it.
 */
export function recordFileRow(
  db: Database,
  sha256: string,
  facts: FileFacts,
  originalName: string,
): void {
  db.prepare(
    `INSERT OR IGNORE INTO files (sha256, format, width, height, bytes, pages, color, original_name, imported_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    sha256,
    facts.format,
    facts.width,
    facts.height,
    facts.bytes,
    facts.pages,
    facts.color ? 1 : 0,
    originalName.normalize('NFC').slice(0, 255),
    now(),
  )
}
