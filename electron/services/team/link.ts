import pg from 'pg'
import { AppError } from '../../../shared/errors'
import { SCHEMA } from './connect'
import { redactDatabaseUrl, withoutPassword } from './database-url'
import { listenTeamChanges, type TeamChangeSink } from './listen'
import { teamSchemaVersion } from './migrate'
import { LATEST_PG_SCHEMA_VERSION } from './migrations'

/** What the app shows about its team library (设置 → 团队资料库, the offline banner). */
export interface TeamLinkState {
  state: 'online' | 'offline'
  /** Since when (ISO 8601). */
  since: string
  /** Why it is offline, in Chinese; null when online. */
  message: string | null
  /** When the next attempt to reconnect is due (ISO 8601), while offline. */
  retryAt: string | null
}

/** Errors that mean "the server is not reachable now", not "the request was wrong". */
export function isConnectionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code === 'string') {
    if (
      ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'EPIPE'].includes(
        code,
      )
    )
      return true
    // SQLSTATE class 08 (connection exception), 57P01–57P03 (server shutting down / starting).
    if (/^08/.test(code) || /^57P0[123]$/.test(code)) return true
  }
  const message = error instanceof Error ? error.message : ''
  return /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED|Client has encountered a connection error/i.test(
    message,
  )
}

/** The refusal a call gets while the server is away: nothing was changed. */
export function unavailable(databaseUrl: string): AppError {
  return new AppError(
    'UNAVAILABLE',
    `暂时连接不上团队资料库（${redactDatabaseUrl(withoutPassword(databaseUrl))}）。这次操作没有完成；你填写的内容仍在，连接恢复后再试（若断开时正在保存，恢复后请核对一下是否已保存）。程序正在自动重试连接。`,
  )
}

/**
 * The backend's standing connection to the team library: LISTENs for other clerks' changes
 * (team migration 0005) and, when the server goes away, says so and reconnects with back-off
 * (1 s doubling to 30 s). After a reconnect everything is refetched: changes may have been
 * missed meanwhile.
 */
export class TeamLink {
  private client: pg.Client | null = null
  private timer: NodeJS.Timeout | null = null
  private delay: number
  private stopped = false
  private current: TeamLinkState = {
    state: 'offline',
    since: new Date().toISOString(),
    message: '正在连接…',
    retryAt: null,
  }

  constructor(
    private readonly databaseUrl: string,
    private readonly sink: TeamChangeSink,
    private readonly options: { minDelayMs?: number; maxDelayMs?: number } = {},
  ) {
    this.delay = options.minDelayMs ?? 1000
  }

  get status(): TeamLinkState {
    return { ...this.current }
  }

  /** Connect now; on failure the link retries by itself. */
  async start(): Promise<void> {
    await this.connect()
  }

  /** A call found the server away: show it at once and make sure a retry is scheduled. */
  markOffline(error: unknown): void {
    if (this.current.state === 'online') this.lost(error)
  }

  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const client = this.client
    this.client = null
    await client?.end().catch(() => undefined)
  }

  private async connect(): Promise<void> {
    if (this.stopped) return
    const client = new pg.Client({
      connectionString: this.databaseUrl,
      connectionTimeoutMillis: 5000,
      options: `-c search_path=${SCHEMA},public`,
    })
    // Without a listener an 'error' of an idle connection would crash the process.
    client.on('error', (error) => this.lost(error))
    client.on('end', () => this.lost(null))
    try {
      await client.connect()
      // An administrator may have upgraded the team schema (cli team init) since this app
      // started: an app of another schema version must not write to it.
      const version = await teamSchemaVersion(client)
      if (version !== LATEST_PG_SCHEMA_VERSION) {
        throw new AppError(
          'CONFLICT',
          version > LATEST_PG_SCHEMA_VERSION
            ? `团队资料库已升级（架构版本 ${version}），本程序只认识到 ${LATEST_PG_SCHEMA_VERSION}：请先升级本程序`
            : `团队资料库的架构版本是 ${version}，本程序需要 ${LATEST_PG_SCHEMA_VERSION}：请管理员运行 cli team init 升级`,
        )
      }
      await listenTeamChanges(client, this.sink)
    } catch (error) {
      client.removeAllListeners('end')
      await client.end().catch(() => undefined)
      this.lost(error)
      return
    }
    if (this.stopped) {
      await client.end().catch(() => undefined)
      return
    }
    const wasOffline = this.current.state === 'offline'
    this.client = client
    this.delay = this.options.minDelayMs ?? 1000
    this.current = {
      state: 'online',
      since: new Date().toISOString(),
      message: null,
      retryAt: null,
    }
    // Back after an absence: whatever other clerks did meanwhile is refetched.
    if (wasOffline) this.sink.emitExternal()
  }

  private lost(error: unknown): void {
    if (this.stopped) return
    const client = this.client
    this.client = null
    client?.removeAllListeners('end')
    void client?.end().catch(() => undefined)
    const retryAt = new Date(Date.now() + this.delay).toISOString()
    const wasOnline = this.current.state === 'online'
    this.current = {
      state: 'offline',
      since: wasOnline ? new Date().toISOString() : this.current.since,
      message: describe(error),
      retryAt,
    }
    if (this.timer) return
    this.timer = setTimeout(() => {
      this.timer = null
      void this.connect()
    }, this.delay)
    this.delay = Math.min(this.delay * 2, this.options.maxDelayMs ?? 30_000)
    if (wasOnline) this.sink.emitExternal()
  }
}

function describe(error: unknown): string {
  if (error === null) return '与服务器的连接已断开'
  if (error instanceof AppError) return error.message
  const code = (error as { code?: string }).code
  if (code === '28P01' || code === '28000') return '用户名或密码不对'
  if (code === 'ECONNREFUSED') return '服务器没有响应（地址或端口不对，或服务未启动）'
  if (code === 'ENOTFOUND') return '找不到该主机'
  return '与服务器的连接已断开'
}
