import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto'
import type pg from 'pg'
import { AppError } from '../../../shared/errors'

/** Owns the schema and its tables; `team init` runs the migrations as this role. */
export const ADMIN_ROLE = 'packetdesk_admin'
/** Every clerk's login role is a member: read and write the library, only add to the audit log. */
export const CLERK_ROLE = 'packetdesk_clerk'

const DUPLICATE_OBJECT = '42710'

async function roleExists(client: pg.Client, name: string): Promise<boolean> {
  const result = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [name])
  return (result.rowCount ?? 0) > 0
}

/**
 * The two group roles, created once per server (roles are cluster-wide: a second database on
 * the same server reuses them). Returns which were created now.
 */
export async function ensureGroupRoles(client: pg.Client): Promise<string[]> {
  const created: string[] = []
  for (const role of [ADMIN_ROLE, CLERK_ROLE]) {
    if (await roleExists(client, role)) continue
    try {
      await client.query(`CREATE ROLE ${client.escapeIdentifier(role)} NOLOGIN`)
      created.push(role)
    } catch (error) {
      // Another init created it meanwhile: reuse it.
      if ((error as { code?: string }).code !== DUPLICATE_OBJECT) throw error
    }
  }
  return created
}

/** A clerk's login name: a plain lower-case PostgreSQL identifier. */
const CLERK_NAME = /^(?!pg_)[a-z][a-z0-9_]{1,62}$/

/**
 * The SCRAM-SHA-256 verifier of a password (RFC 5802/7677, as PostgreSQL stores it): the
 * server gets only this, so the password itself never reaches its logs or statistics.
 * (Our passwords are base64url: SASLprep leaves them unchanged.)
 */
function scramVerifier(password: string, salt = randomBytes(16), iterations = 4096): string {
  const salted = pbkdf2Sync(password, salt, iterations, 32, 'sha256')
  const hmac = (key: Buffer, text: string) => createHmac('sha256', key).update(text).digest()
  const storedKey = createHash('sha256').update(hmac(salted, 'Client Key')).digest()
  const serverKey = hmac(salted, 'Server Key')
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`
}

/**
 * `team add-clerk NAME`: a login role in the clerk group, with a random password shown once.
 * PostgreSQL receives only its SCRAM verifier; the clerk can change it (ALTER ROLE … PASSWORD).
 */
export async function addClerk(
  client: pg.Client,
  name: string,
): Promise<{ name: string; password: string }> {
  if (!CLERK_NAME.test(name)) {
    throw new AppError(
      'INVALID_ARGUMENT',
      '文员名只能用小写字母开头，由小写字母、数字和下划线组成（2–63 个字符，不以 pg_ 开头），例如 wang_li',
      'name',
    )
  }
  if (!(await roleExists(client, CLERK_ROLE))) {
    throw new AppError('CONFLICT', '团队资料库还没有初始化：请先运行 team init。')
  }
  if (await roleExists(client, name)) {
    throw new AppError('CONFLICT', `数据库中已有名为 ${name} 的角色，没有改动。`, 'name')
  }
  const password = randomBytes(18).toString('base64url')
  await client.query(
    `CREATE ROLE ${client.escapeIdentifier(name)} LOGIN PASSWORD ${client.escapeLiteral(scramVerifier(password))} IN ROLE ${CLERK_ROLE}`,
  )
  return { name, password }
}
