import { z } from '../../shared/zod-locale'
import { contract, type Handlers } from '../../shared/contract'
import { AppError, type Envelope, type WireError } from '../../shared/errors'
import { isMethodName } from '../../shared/methods'

function failure(error: WireError): Envelope<never> {
  return { ok: false, error }
}

function describeIssue(issues: readonly z.core.$ZodIssue[]): WireError {
  const issue = issues[0]
  // An unexpected key is reported as that key's field, not as the object holding it.
  const path =
    issue?.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : (issue?.path ?? [])
  const field = path.length > 0 ? path.map(String).join('.') : '(input)'
  return {
    code: 'INVALID_ARGUMENT',
    field,
    message: `参数无效：字段 ${field}：${issue?.message ?? '格式不正确'}`,
  }
}

/** Anything that is not an AppError is a bug: report it without details. */
export function toWireError(error: unknown): WireError {
  if (error instanceof AppError) return error.toWire()
  return { code: 'INTERNAL', message: '程序内部错误，操作未完成，数据未被改动。' }
}

/**
 * The one place where a call from any door (IPC, HTTP, CLI) meets the backend:
 * the method must be in the contract and its input must parse, or nothing runs.
 */
export async function dispatch(
  handlers: Handlers,
  method: string,
  rawInput: unknown,
): Promise<Envelope<unknown>> {
  if (!isMethodName(method)) {
    return failure({ code: 'UNKNOWN_METHOD', message: `未知的方法：${method.slice(0, 100)}` })
  }
  const parsed = contract[method].input.safeParse(rawInput)
  if (!parsed.success) return failure(describeIssue(parsed.error.issues))
  try {
    const handler = handlers[method] as (input: unknown) => Promise<unknown>
    return { ok: true, value: await handler(parsed.data) }
  } catch (error) {
    const wire = toWireError(error)
    if (wire.code === 'INTERNAL') {
      // Log the error class and method only: payloads may hold ID numbers.
      console.error(`[packetdesk] ${method} failed: ${(error as Error)?.name ?? 'Error'}`)
    }
    return failure(wire)
  }
}
