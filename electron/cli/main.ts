import { backupVerb, restoreVerb } from './backup'
import { demoVerb } from './demo'
import { doctorVerb } from './doctor'
import { exportVerb } from './export'
import { inspectVerb } from './inspect'
import { letterVerb } from './letter'
import { packetsVerb } from './packets'
import { planVerb } from './plan'
import { readVerb } from './read'
import { teamVerb } from './team'
import { validateVerb } from './validate'
import { AppError } from '../../shared/errors'
import { processIo, UsageError, type CliIo } from './io'
import { USAGE } from './usage'

type Verb = (args: string[], io: CliIo) => number | Promise<number>

const VERBS: Record<string, Verb> = {
  doctor: doctorVerb,
  plan: planVerb,
  inspect: inspectVerb,
  read: readVerb,
  validate: validateVerb,
  demo: demoVerb,
  letter: letterVerb,
  export: exportVerb,
  packets: packetsVerb,
  backup: backupVerb,
  restore: restoreVerb,
  team: teamVerb,
}

/** Parse errors from node:util's parseArgs carry this code. */
function isArgError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')
}

/** The CLI's single entry: returns the exit code. */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const [verb, ...rest] = argv
  if (verb === undefined || verb === '--help' || verb === '-h' || verb === 'help') {
    ;(verb === undefined ? io.stderr : io.stdout)(`${USAGE}\n`)
    return verb === undefined ? 2 : 0
  }
  const run = Object.hasOwn(VERBS, verb) ? VERBS[verb] : undefined
  if (!run) {
    io.stderr(`未知命令：${verb}\n\n${USAGE}\n`)
    return 2
  }
  try {
    return await run(rest, io)
  } catch (error) {
    if (error instanceof UsageError || isArgError(error)) {
      io.stderr(`参数错误：${(error as Error).message}\n\n${USAGE}\n`)
      return 2
    }
    // A refusal the verb did not handle itself (a bad --database-url, a server that is away,
    // a data folder held by another writer) is the user's to read, not an internal error.
    if (error instanceof AppError) {
      io.stderr(`${error.message}\n`)
      return error.code === 'INVALID_ARGUMENT' ? 2 : 1
    }
    throw error
  }
}
