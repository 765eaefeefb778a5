import type pg from 'pg'
import { connectTeam, SCHEMA } from './connect'
import { databaseName, parseDatabaseUrl } from './database-url'
import { migrateTeam } from './migrate'
import { ADMIN_ROLE, CLERK_ROLE, ensureGroupRoles } from './roles'

export interface TeamInitReport {
  database: string
  schema: string
  schemaVersion: { from: number; to: number }
  rolesCreated: string[]
  rolesReused: string[]
}

/**
 * The clerks' rights, granted again on every init (idempotent): read and write the library,
 * but the audit log only read and added to, and the migrations table only read. Tables belong
 * to packetdesk_admin, so no clerk can drop or alter one.
 */
async function grantClerks(client: pg.Client, database: string): Promise<void> {
  const clerk = client.escapeIdentifier(CLERK_ROLE)
  await client.query(`GRANT CONNECT ON DATABASE ${client.escapeIdentifier(database)} TO ${clerk}`)
  await client.query(`GRANT USAGE ON SCHEMA ${SCHEMA} TO ${clerk}`)
  await client.query(
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${SCHEMA} TO ${clerk}`,
  )
  await client.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ${clerk}`)
  await client.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migrations FROM ${clerk}`)
  await client.query(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA ${SCHEMA} TO ${clerk}`)
}

/**
 * `team init --database-url URL`: as a role that may create roles (the server's administrator),
 * create the two group roles unless the server has them, the `packetdesk` schema owned by
 * packetdesk_admin, migrate it, and grant the clerks their rights. Running it again — or on a
 * second database of the same server — reuses the roles and only migrates.
 */
export async function teamInit(databaseUrl: string): Promise<TeamInitReport> {
  const database = databaseName(parseDatabaseUrl(databaseUrl))
  const client = await connectTeam(databaseUrl)
  try {
    const rolesCreated = await ensureGroupRoles(client)
    const admin = client.escapeIdentifier(ADMIN_ROLE)
    // The connecting role acts as the owner for the migrations (a superuser may anyway).
    await client.query(`GRANT ${admin} TO CURRENT_USER`).catch(() => undefined)
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${SCHEMA} AUTHORIZATION ${admin}`)
    await client.query(`SET ROLE ${admin}`)
    let schemaVersion: { from: number; to: number }
    try {
      schemaVersion = await migrateTeam(client)
    } finally {
      await client.query('RESET ROLE')
    }
    await grantClerks(client, database)
    return {
      database,
      schema: SCHEMA,
      schemaVersion,
      rolesCreated,
      rolesReused: [ADMIN_ROLE, CLERK_ROLE].filter((r) => !rolesCreated.includes(r)),
    }
  } finally {
    await client.end()
  }
}
