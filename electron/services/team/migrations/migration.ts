/** One step of the team library's schema: SQL run once, in order, in one transaction. */
export interface PgMigration {
  version: number
  name: string
  up: string
}
