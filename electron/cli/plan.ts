import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { plan } from '../../shared/rules/plan'
import { parseScenario } from '../../shared/rules/scenario'
import { loadStarterCatalog } from '../services/industries'
import { resourcesDir } from '../services/resources'
import { AppError } from '../../shared/errors'
import { cliBackend } from './backend'
import { LIBRARY_OPTIONS, libraryLocation, type LibraryLocation } from './library-location'
import { call } from './call'
import { UsageError, type CliIo } from './io'

/** `trademarks[0].registrant` also written as `trademarks.0.registrant`. */
function dottedForm(field: string): string {
  return field.replace(/\[(\d+)\]/g, '.$1')
}

/** Read a scenario file and plan it, or explain (exit 2) what is wrong with it. */
export function planFromFile(file: string, io: CliIo): number {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    io.stderr(`无法读取场景文件 ${file}：${(error as NodeJS.ErrnoException).code ?? '读取失败'}\n`)
    return 2
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    io.stderr(`场景文件不是有效的 JSON：${(error as Error).message}\n`)
    return 2
  }
  const parsed = parseScenario(json)
  if (!parsed.ok) {
    const dotted = dottedForm(parsed.field)
    const alias = dotted === parsed.field ? '' : `（${dotted}）`
    io.stderr(`场景文件无效：字段 ${parsed.field}${alias}：${parsed.message}\n`)
    return 2
  }
  const result = plan(parsed.scenario, loadStarterCatalog(resourcesDir(io.env)))
  io.stdout(`${JSON.stringify(result, null, 2)}\n`)
  return 0
}

/** `plan --packet ID --data-dir D`: the plan the app shows for a packet, as of today. */
async function planFromPacket(
  packetId: string,
  location: LibraryLocation,
  io: CliIo,
): Promise<number> {
  const backend = await cliBackend(io, location, 'read', 'plan')
  try {
    const { plan: packetPlan, formProblems } = await call(backend, 'packets.plan', { id: packetId })
    io.stdout(`${JSON.stringify(packetPlan, null, 2)}\n`)
    // `ready` is the packet's: say why when only the form keeps it false.
    for (const problem of formProblems) io.stderr(`表单尚未完成：${problem}\n`)
    return 0
  } catch (error) {
    if (
      error instanceof AppError &&
      (error.code === 'NOT_FOUND' || error.code === 'INVALID_ARGUMENT')
    ) {
      io.stderr(`${error.message}\n`)
      return 2
    }
    throw error
  } finally {
    backend.close()
  }
}

export function planVerb(args: string[], io: CliIo): number | Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    options: { packet: { type: 'string' }, ...LIBRARY_OPTIONS },
    allowPositionals: true,
    strict: true,
  })
  if (values.packet !== undefined) {
    if (positionals.length > 0) throw new UsageError('plan --packet 不接受场景文件参数')
    return planFromPacket(values.packet, libraryLocation(values, io), io)
  }
  if (positionals.length !== 1 || !positionals[0]) {
    throw new UsageError('plan 需要且只需要一个场景文件 FILE.json，或 --packet ID')
  }
  return planFromFile(positionals[0], io)
}
