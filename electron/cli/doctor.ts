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
  if (!report.ok) io.stderr(`数据库检查未通过：${report.integrity}\n`)
  return report.ok ? 0 : 1
}
