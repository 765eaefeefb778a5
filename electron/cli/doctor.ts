import { parseArgs } from 'node:util'
import { runDoctor } from '../services/doctor'
import { resolveDataDir } from '../services/paths'
import type { CliIo } from './io'

export function doctorVerb(args: string[], io: CliIo): number {
  const { values } = parseArgs({
    args,
    options: { 'data-dir': { type: 'string' } },
    allowPositionals: false,
    strict: true,
  })
  const dataDir = values['data-dir'] ?? resolveDataDir(io.env)
  const report = runDoctor(dataDir)
  io.stdout(`${JSON.stringify(report, null, 2)}\n`)
  if (report.integrity !== 'ok') io.stderr(`数据库检查未通过：${report.integrity}\n`)
  if (report.filesMissing > 0 || report.filesCorrupt > 0) {
    io.stderr(
      `文件库检查未通过：缺失 ${report.filesMissing} 个，损坏 ${report.filesCorrupt} 个（大小或校验值不符）。请从备份恢复这些文件。\n`,
    )
  }
  return report.ok ? 0 : 1
}
