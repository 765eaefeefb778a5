import { AppError } from '../../../shared/errors'

/**
 * A team library's address: the usual `postgres://user:password@host:port/db` (or
 * `postgresql://`), query options such as `sslmode` passed on to the driver. Checked here so a
 * typo gets a Chinese message naming the field, not a driver stack trace.
 */
export function parseDatabaseUrl(raw: string, field = 'databaseUrl'): URL {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    throw new AppError(
      'INVALID_ARGUMENT',
      '数据库地址格式不对，应为 postgres://用户名@主机:端口/数据库名',
      field,
    )
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new AppError('INVALID_ARGUMENT', '数据库地址应以 postgres:// 开头', field)
  }
  if (!url.hostname || url.pathname.length <= 1) {
    throw new AppError('INVALID_ARGUMENT', '数据库地址缺少主机或数据库名', field)
  }
  return url
}

/** The address without its password: for messages and logs. */
export function redactDatabaseUrl(raw: string): string {
  try {
    const url = new URL(raw)
    if (url.password) url.password = '***'
    for (const key of [...url.searchParams.keys()]) {
      if (/pass/i.test(key)) url.searchParams.set(key, '***')
    }
    return url.toString()
  } catch {
    return '(无效的数据库地址)'
  }
}

/** The database's name (the URL's path). */
export function databaseName(url: URL): string {
  return decodeURIComponent(url.pathname.slice(1))
}

/** The address as the clerk typed it in 设置 (the password kept apart). */
export function withoutPassword(raw: string): string {
  const url = new URL(raw)
  url.password = ''
  return url.toString()
}
