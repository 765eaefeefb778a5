import pg from 'pg'
import { AppError } from '../../../shared/errors'
import { redactDatabaseUrl } from './database-url'

/** The schema every PacketDesk table lives in (one database may hold other things too). */
export const SCHEMA = 'packetdesk'

/**
 * A connection to the team library. The URL's user is the clerk's own PostgreSQL role (who did
 * what is `current_user`); `sslmode` in the URL is honoured by the driver. A server that is away
 * or refuses the login gets a Chinese message without the password.
 */
export async function connectTeam(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 })
  // A server shutting down while the client is idle must not crash the process; the next
  // query fails instead.
  client.on('error', () => undefined)
  try {
    await client.connect()
  } catch (error) {
    await client.end().catch(() => undefined)
    throw new AppError(
      'CONFLICT',
      `无法连接团队资料库 ${redactDatabaseUrl(databaseUrl)}：${reason(error)}`,
    )
  }
  try {
    await client.query(`SET search_path TO ${SCHEMA}, public`)
  } catch (error) {
    await client.end().catch(() => undefined)
    throw error
  }
  return client
}

function reason(error: unknown): string {
  const code = (error as { code?: string }).code
  if (code === '28P01' || code === '28000') return '用户名或密码不对'
  if (code === '3D000') return '数据库不存在'
  if (code === 'ECONNREFUSED') return '服务器没有响应（地址或端口不对，或服务未启动）'
  if (code === 'ENOTFOUND') return '找不到该主机'
  return error instanceof Error ? error.message : String(error)
}

/** Run `work` in one transaction; rolled back if it throws. */
export async function inTransaction<T>(
  client: pg.Client,
  work: () => Promise<T>,
  begin = 'BEGIN',
): Promise<T> {
  await client.query(begin)
  try {
    const result = await work()
    await client.query('COMMIT')
    return result
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw error
  }
}
