import type pg from 'pg'
import { AppError } from '../../../shared/errors'
import { connectTeam, SCHEMA } from './connect'
import { databaseName, parseDatabaseUrl } from './database-url'
import { migrateTeam } from './migrate'
import { rebuildTeamSearch } from './search'
import { ADMIN_ROLE, CLERK_ROLE, ensureGroupRoles } from './roles'

export interface TeamInitReport {
  database: string
  schema: string
  schemaVersion: { from: number; to: number }
  /** The search index's rebuild after the migrations: entries re-split, rows newly indexed. */
  search: { retokenized: number; indexed: number }
  rolesCreated: string[]
  rolesReused: string[]
}

/**
 * The clerks' rights, granted again on every init (idempotent): read and write the library,
 * but the audit log only read and added to, stored files only read and added, and the
 * migrations table only read. Tables belong to packetdesk_admin, so no clerk can drop or alter
 * one.
 */
async function grantClerks(client: pg.Client, database: string): Promise<void> {
  const clerk = client.escapeIdentifier(CLERK_ROLE)
  await client.query(`GRANT CONNECT ON DATABASE ${client.escapeIdentifier(database)} TO ${clerk}`)
  await client.query(`GRANT USAGE ON SCHEMA ${SCHEMA} TO ${clerk}`)
  await client.query(
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${SCHEMA} TO ${clerk}`,
  )
  // The audit log: read, and add rows naming only what happened (never the id or the actor).
  await client.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_log FROM ${clerk}`)
  await client.query(
    `GRANT INSERT (at, action, entity_kind, entity_id, detail, origin) ON audit_log TO ${clerk}`,
  )
  // Stored files are never changed or removed by a clerk (a purge is an administrator's task).
  await client.query(`REVOKE UPDATE, DELETE, TRUNCATE ON blobs, files FROM ${clerk}`)
  await client.query(`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migrations FROM ${clerk}`)
  await client.query(`GRANT USAGE ON ALL SEQUENCES IN SCHEMA ${SCHEMA} TO ${clerk}`)
}

/**
 * Only an administrator may init: a superuser, or a role that may create roles and owns (or may
 * create schemas in) the database. And a `packetdesk` schema someone else owns is not ours.
 */
async function assertMayInit(client: pg.Client): Promise<void> {
  const me = await client.query<{ super: boolean; createrole: boolean; create: boolean }>(
    `SELECT rolsuper AS super, rolcreaterole AS createrole,
            has_database_privilege(current_database(), 'CREATE') AS create
     FROM pg_roles WHERE rolname = current_user`,
  )
  const row = me.rows[0]
  if (!row || (!row.super && !(row.createrole && row.create))) {
    throw new AppError(
      'CONFLICT',
      'team init 需要数据库管理员账号（超级用户，或能创建角色并能在该数据库中建架构的账号）；文员账号不能初始化。数据库没有改动。',
    )
  }
  const owner = await client.query<{ owner: string }>(
    `SELECT pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname = $1`,
    [SCHEMA],
  )
  const current = owner.rows[0]?.owner
  if (current !== undefined && current !== ADMIN_ROLE) {
    throw new AppError(
      'CONFLICT',
      `数据库中已有名为 ${SCHEMA} 的架构，但属于 ${current} 而不是 ${ADMIN_ROLE}：不是 PacketDesk 建的，没有改动。`,
    )
  }
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
    await assertMayInit(client)
    const rolesCreated = await ensureGroupRoles(client)
    const admin = client.escapeIdentifier(ADMIN_ROLE)
    // The connecting role acts as the owner for the migrations (a superuser may anyway).
    await client.query(`GRANT ${admin} TO CURRENT_USER`).catch(() => undefined)
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${SCHEMA} AUTHORIZATION ${admin}`)
    await client.query(`SET ROLE ${admin}`)
    let schemaVersion: { from: number; to: number }
    let search: TeamInitReport['search']
    try {
      schemaVersion = await migrateTeam(client)
      // Team migration 0007: the search index is rebuilt to the current tokens (recorded per row).
      search = await rebuildTeamSearch(client)
    } finally {
      await client.query('RESET ROLE')
    }
    await grantClerks(client, database)
    return {
      database,
      schema: SCHEMA,
      schemaVersion,
      search,
      rolesCreated,
      rolesReused: [ADMIN_ROLE, CLERK_ROLE].filter((r) => !rolesCreated.includes(r)),
    }
  } finally {
    await client.end()
  }
}
