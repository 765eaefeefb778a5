import type { Database } from 'better-sqlite3'
import type { IndustryCatalog } from '../../../shared/industries/catalog'
import type { ContentStore } from '../files/content-store'
import type { LibraryStore } from '../storage/library-store'
import type { LibraryEvents } from '../events'

/** What every group of handlers needs from the backend. */
export interface BackendContext {
  db: Database
  /** The storage port over the same library (services move onto it one by one, issue 11). */
  library: LibraryStore
  /** The content-addressed file store (files/). */
  store: ContentStore
  dataDir: string
  resources: string
  catalog: () => IndustryCatalog
  /** Today on the platform's calendar (China); injectable for tests. */
  today: () => string
  /** What the startup sweep of the file store found. */
  storeHealth?: { missing: number; orphansRemoved: number }
  /** The backend's event bus, for a source of outside changes (a team-database LISTEN). */
  events?: LibraryEvents
}
