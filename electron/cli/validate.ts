import { parseArgs } from 'node:util'
import { todayIn } from '../../shared/dates'
import { validate, VALIDATOR_KINDS, type ValidatorKind } from '../../shared/validators'
import { UsageError, type CliIo } from './io'

/** `validate KIND VALUE` → {valid, normalized, reason}; exit 0 valid, 1 not. */
export function validateVerb(args: string[], io: CliIo): number {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true })
  const [kind, value, ...rest] = positionals
  if (kind === undefined || value === undefined || rest.length > 0) {
    throw new UsageError('validate 需要两个参数：KIND VALUE')
  }
  if (!(VALIDATOR_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(`未知的 KIND：${kind}（可用：${VALIDATOR_KINDS.join('、')}）`)
  }
  const result = validate(kind as ValidatorKind, value, todayIn())
  io.stdout(`${JSON.stringify(result)}\n`)
  return result.valid ? 0 : 1
}
