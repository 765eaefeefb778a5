import { parseArgs } from 'node:util'
import { runDoctor } from '../services/doctor'
import { runTeamDoctor } from '../services/team/doctor'
import type { CliIo } from './io'
import { LIBRARY_OPTIONS, libraryLocation } from './library-location'

export async function doctorVerb(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: LIBRARY_OPTIONS,
    allowPositionals: false,
    strict: true,
  })
  const location = libraryLocation(values, io)
  const report = location.databaseUrl
    ? await runTeamDoctor(location.databaseUrl)
    : runDoctor(location.dataDir)
  io.stdout(`${JSON.stringify(report, null, 2)}\n`)
  if (report.integrity !== 'ok') io.stderr(`数据库检查未通过：${report.integrity}\n`)
  if (report.filesMissing > 0 || report.filesCorrupt > 0) {
    io.stderr(
      `文件库检查未通过：缺失 ${report.filesMissing} 个，损坏 ${report.filesCorrupt} 个（大小或校验值不符）。请从备份恢复这些文件。\n`,
    )
  }
  return report.ok ? 0 : 1
}
