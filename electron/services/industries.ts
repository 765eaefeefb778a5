import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { catalogSchema, type IndustryCatalog } from '../../shared/industries/catalog'

const STARTER_CATALOG_FILE = join('industries', 'starter-catalog.json')

/** The catalog shipped with the app (resources/industries), validated. */
export function loadStarterCatalog(resources: string): IndustryCatalog {
  const raw: unknown = JSON.parse(readFileSync(join(resources, STARTER_CATALOG_FILE), 'utf8'))
  return catalogSchema.parse(raw)
}
