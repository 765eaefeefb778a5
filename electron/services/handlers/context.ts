import type { Database } from 'better-sqlite3'
import type { IndustryCatalog } from '../../../shared/industries/catalog'
import type { ContentStore } from '../files/content-store'
import type { StoreHealth } from '../files/store-sweep'
import type { FileStore } from '../storage/file-store'
import type { LibraryStore } from '../storage/library-store'
import type { LibraryEvents } from '../events'
import type { ReadLookup } from '../packets/scenario'
import type { ReadingService } from '../reading/reading-service'

/**
 * What only the desktop app can do for the user (Electron's main process gives it; the browser
 * host and the CLI have none). Services never import electron: they get this port.
 */
export interface DesktopPort {
  /** Open an https page in the system browser (callers pass only fixed addresses). */
  openExternal(url: string): Promise<void>
  writeClipboard(text: string): void
}

/** What every group of handlers needs from the backend. */
export interface BackendContext {
  /**
   * The data folder's own SQLite database: the embedded library itself, or — on a team
   * library — only this machine's settings.
   */
  db: Database
  /** The library, on either engine (the storage port, issue 11). */
  library: LibraryStore
  /** The library's stored files (local files/, or the team's blobs through a local cache). */
  files: FileStore
  /** The data folder's content-addressed folder: the files themselves, or the team cache. */
  store: ContentStore
  dataDir: string
  resources: string
  /** The starter catalog with the library's own entries laid over it. */
  catalog: () => Promise<IndustryCatalog>
  /** Today on the platform's calendar (China); injectable for tests. */
  today: () => string
  /** What the startup sweep of the file store found (a deferred one is run now if still waiting). */
  storeHealth?: () => Promise<StoreHealth>
  /** The backend's event bus, for a source of outside changes (a team-database LISTEN). */
  events?: LibraryEvents
  /** Scan reading (issue 12): the queue and this machine's read cache. */
  reading?: ReadingService
  /** What the scans say, from the read cache, for the rules (R15–R18). */
  reads?: ReadLookup
  /** The desktop's browser and clipboard, in the Electron app only (issue 13 item 16). */
  desktop?: DesktopPort
}
