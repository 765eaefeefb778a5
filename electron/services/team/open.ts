import { AppError } from '../../../shared/errors'
import { connectTeam } from './connect'
import { redactDatabaseUrl } from './database-url'
import { assertTeamNotNewer, teamSchemaVersion } from './migrate'
import { LATEST_PG_SCHEMA_VERSION } from './migrations'

/** Where a clerk's data folder caches the team library's files (read-through, verified). */
export const TEAM_CACHE = 'team-cache'

/**
 * Before a backend opens on the team library: the server answers this clerk's login, the
 * schema is there (`cli team init` ran) and is not newer than this build.
 */
export async function checkTeamLibrary(databaseUrl: string): Promise<void> {
  const client = await connectTeam(databaseUrl)
  try {
    const version = await teamSchemaVersion(client)
    if (version === 0) {
      throw new AppError(
        'NOT_FOUND',
        `团队资料库 ${redactDatabaseUrl(databaseUrl)} 还没有初始化：请管理员先运行 cli team init。`,
      )
    }
    assertTeamNotNewer(version)
    if (version < LATEST_PG_SCHEMA_VERSION) {
      throw new AppError(
        'CONFLICT',
        `团队资料库的架构版本是 ${version}，本程序需要 ${LATEST_PG_SCHEMA_VERSION}：请管理员再运行一次 cli team init 升级（数据不会丢失）。`,
      )
    }
  } finally {
    await client.end().catch(() => undefined)
  }
}

/** Backup and restore of a team library are the server's (pg_dump) or `cli team pull`. */
export function teamHasNoLocalBackup(): AppError {
  return new AppError(
    'CONFLICT',
    '团队资料库在服务器上：请由管理员用 pg_dump 备份，或用 cli team pull 把它复制为本地资料库；此处的备份与恢复只用于本机资料库。',
  )
}
