import { AppError } from '../../../shared/errors'
import { connectTeam } from './connect'
import { redactDatabaseUrl } from './database-url'
import { assertTeamNotNewer, teamSchemaVersion } from './migrate'
import { LATEST_PG_SCHEMA_VERSION } from './migrations'

export interface TeamDoctorReport {
  ok: boolean
  /** Without the password. */
  databaseUrl: string
  server: string | null
  schemaVersion: number | null
  /** What is wrong, in Chinese; `ok` when nothing is. */
  integrity: string
  /** File rows whose bytes are not in the blobs table. */
  filesMissing: number
  /** Blobs whose bytes do not hash to their name (the server's CHECK should make this 0). */
  filesCorrupt: number
  /** Documents, letters or templates naming a file row that does not exist. */
  danglingReferences: number
  /** Blobs no file row refers to (a clerk's purge leaves them for the administrator). */
  orphanBlobs: number
  rows: Record<string, number>
}

const COUNTED = [
  'companies',
  'persons',
  'trademarks',
  'relations',
  'documents',
  'packets',
  'letters',
  'files',
  'audit_log',
] as const

/**
 * `doctor --database-url URL`: the team library's health as the clerk's role sees it — the
 * schema this build expects, every stored file's bytes present and hashing to its name, no
 * row naming a file that is not there. Reads only; nothing is changed.
 */
export async function runTeamDoctor(databaseUrl: string): Promise<TeamDoctorReport> {
  const report: TeamDoctorReport = {
    ok: false,
    databaseUrl: redactDatabaseUrl(databaseUrl),
    server: null,
    schemaVersion: null,
    integrity: '',
    filesMissing: 0,
    filesCorrupt: 0,
    danglingReferences: 0,
    orphanBlobs: 0,
    rows: {},
  }
  let client
  try {
    client = await connectTeam(databaseUrl)
  } catch (error) {
    report.integrity = error instanceof AppError ? error.message : String(error)
    return report
  }
  try {
    report.server = (await client.query<{ v: string }>('SHOW server_version')).rows[0]?.v ?? null
    const version = await teamSchemaVersion(client)
    report.schemaVersion = version
    assertTeamNotNewer(version)
    if (version < LATEST_PG_SCHEMA_VERSION) {
      report.integrity = `架构版本 ${version} 低于本程序需要的 ${LATEST_PG_SCHEMA_VERSION}：请管理员运行 cli team init 升级。`
      return report
    }
    // One snapshot for all the checks: clerks may be working meanwhile.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
    const count = async (sql: string) =>
      Number((await client.query<{ n: string }>(sql)).rows[0]?.n ?? 0)
    report.filesMissing = await count(
      'SELECT count(*) AS n FROM files f WHERE NOT EXISTS (SELECT 1 FROM blobs b WHERE b.sha256 = f.sha256)',
    )
    report.filesCorrupt = await count(
      "SELECT count(*) AS n FROM blobs WHERE sha256 <> encode(sha256(bytes), 'hex')",
    )
    report.danglingReferences = await count(
      `SELECT (SELECT count(*) FROM documents d WHERE d.file_sha256 IS NOT NULL
                 AND NOT EXISTS (SELECT 1 FROM files f WHERE f.sha256 = d.file_sha256))
            + (SELECT count(*) FROM letters l
                 WHERE NOT EXISTS (SELECT 1 FROM files f WHERE f.sha256 = l.pdf_sha256))
            + (SELECT count(*) FROM letter_templates t
                 WHERE NOT EXISTS (SELECT 1 FROM files f WHERE f.sha256 = t.pdf_sha256)) AS n`,
    )
    report.orphanBlobs = await count(
      'SELECT count(*) AS n FROM blobs b WHERE NOT EXISTS (SELECT 1 FROM files f WHERE f.sha256 = b.sha256)',
    )
    for (const table of COUNTED)
      report.rows[table] = await count(`SELECT count(*) AS n FROM ${table}`)
    await client.query('COMMIT')
    const problems = [
      report.filesMissing > 0 ? `${report.filesMissing} 个文件缺少内容` : '',
      report.filesCorrupt > 0 ? `${report.filesCorrupt} 个文件已损坏` : '',
      report.danglingReferences > 0 ? `${report.danglingReferences} 条记录引用了不存在的文件` : '',
    ].filter(Boolean)
    report.integrity = problems.length > 0 ? problems.join('；') : 'ok'
    report.ok = problems.length === 0
    return report
  } catch (error) {
    report.integrity =
      error instanceof AppError ? error.message : `检查失败：${(error as Error).message}`
    return report
  } finally {
    await client.end().catch(() => undefined)
  }
}
