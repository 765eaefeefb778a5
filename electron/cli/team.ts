import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { AppError } from '../../shared/errors'
import { DATABASE_FILE, resolveDataDir } from '../services/paths'
import { connectTeam } from '../services/team/connect'
import { parseDatabaseUrl } from '../services/team/database-url'
import { teamInit } from '../services/team/init'
import { teamPull } from '../services/team/pull'
import { teamPush } from '../services/team/push'
import { addClerk } from '../services/team/roles'
import { cliBackend } from './backend'
import { UsageError, type CliIo } from './io'

/** `--database-url URL`, or PACKETDESK_DATABASE_URL. */
function databaseUrl(value: string | undefined, io: CliIo): string {
  const url = value ?? io.env.PACKETDESK_DATABASE_URL
  if (!url) throw new UsageError('需要 --database-url（或环境变量 PACKETDESK_DATABASE_URL）')
  parseDatabaseUrl(url, 'database-url')
  return url
}

function print(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`)
}

const OPTIONS = {
  'database-url': { type: 'string' },
  'data-dir': { type: 'string' },
} as const

async function run(sub: string, args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: OPTIONS,
    allowPositionals: true,
    strict: true,
  })
  const url = databaseUrl(values['database-url'], io)
  if (sub === 'init') {
    print(io, await teamInit(url))
    return 0
  }
  if (sub === 'add-clerk') {
    const name = positionals[0]
    if (positionals.length !== 1 || !name) throw new UsageError('team add-clerk 需要一个文员名')
    const client = await connectTeam(url)
    try {
      const clerk = await addClerk(client, name)
      io.stderr(
        `已创建文员 ${clerk.name}。下面是其密码，只显示这一次：请当面交给本人，登录后可自行修改。\n`,
      )
      print(io, clerk)
      return 0
    } finally {
      await client.end()
    }
  }
  const dataDir = values['data-dir'] ?? resolveDataDir(io.env)
  if (sub === 'push') {
    const client = await connectTeam(url)
    try {
      // Reads the local library only: no lock, no sweep (the app may keep running).
      const backend = await cliBackend(io, { dataDir }, 'read', 'team push')
      try {
        print(io, await teamPush(backend, client))
        return 0
      } finally {
        backend.close()
      }
    } finally {
      await client.end()
    }
  }
  if (sub === 'pull') {
    if (existsSync(join(dataDir, DATABASE_FILE))) {
      throw new AppError(
        'CONFLICT',
        `该文件夹已有资料库，不会覆盖：${dataDir}。请指定一个新的文件夹。`,
        'data-dir',
      )
    }
    const client = await connectTeam(url)
    try {
      const backend = await cliBackend(io, { dataDir }, 'write', 'team pull')
      try {
        print(io, { dataDir, ...(await teamPull(client, backend)) })
        return 0
      } finally {
        backend.close()
      }
    } finally {
      await client.end()
    }
  }
  throw new UsageError(`未知的 team 子命令：${sub}`)
}

/** A refusal by the PostgreSQL server, said in Chinese (its own words kept for the IT staff). */
function serverRefusal(sqlState: string, message: string): string {
  const reason =
    sqlState === '42501'
      ? '权限不足（文员账号不能做这件事；初始化和新建文员需要数据库管理员账号）'
      : sqlState === '23503' || sqlState === '23505'
        ? '数据与团队资料库中已有的数据冲突'
        : sqlState.startsWith('08')
          ? '与服务器的连接中断'
          : '数据库拒绝了操作'
  return `${reason}，没有改动。（PostgreSQL ${sqlState}：${message}）`
}

/**
 * `team init | add-clerk NAME | push | pull` — the team library on PostgreSQL. A refusal
 * (server away, wrong password, not initialised, folder not new) exits 1 with its reason.
 */
export async function teamVerb(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args
  if (!sub) throw new UsageError('team 需要子命令：init、add-clerk、push 或 pull')
  try {
    return await run(sub, rest, io)
  } catch (error) {
    if (error instanceof AppError) {
      io.stderr(`团队资料库：${error.message}\n`)
      return error.code === 'INVALID_ARGUMENT' ? 2 : 1
    }
    const sqlState = (error as { code?: unknown }).code
    if (typeof sqlState === 'string' && /^[0-9A-Z]{5}$/.test(sqlState)) {
      io.stderr(`团队资料库：${serverRefusal(sqlState, (error as Error).message)}\n`)
      return 1
    }
    throw error
  }
}
