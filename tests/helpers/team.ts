import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { inject } from 'vitest'

/** The throwaway cluster's superuser (tests/setup/postgres-cluster.ts). */
function adminUrl(): string {
  return inject('postgresAdminUrl')
}

/** The same server, another database or another login. */
export function urlFor(options: { database?: string; user?: string; password?: string }): string {
  const url = new URL(adminUrl())
  if (options.database) url.pathname = `/${options.database}`
  if (options.user) url.username = options.user
  if (options.password !== undefined) url.password = options.password
  return url.toString()
}

/** A new, empty database on the test cluster; its URL (as the superuser). */
export async function freshDatabase(prefix = 't'): Promise<string> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`
  const client = new pg.Client({ connectionString: adminUrl() })
  await client.connect()
  try {
    await client.query(`CREATE DATABASE ${name}`)
  } finally {
    await client.end()
  }
  return urlFor({ database: name })
}

/** Run `work` with a connection to `url` (search_path: packetdesk). */
export async function withClient<T>(
  url: string,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query('SET search_path TO packetdesk, public')
    return await work(client)
  } finally {
    await client.end()
  }
}

/** A clerk name no other test uses (roles are shared by the whole cluster). */
export const uniqueClerk = (): string => `clerk_${randomBytes(4).toString('hex')}`
