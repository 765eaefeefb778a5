import type { InputOf, OutputOf } from '../../shared/contract'
import { AppError } from '../../shared/errors'
import type { MethodName } from '../../shared/methods'
import type { Backend } from '../services/backend'
import { dispatch } from '../services/dispatch'

/**
 * The CLI's door to the backend: the same `dispatch` IPC and the browser host use (the method
 * must be in the contract and its input must parse), so the three doors cannot drift. A
 * refusal comes back as the AppError the other doors would send.
 */
export async function call<M extends MethodName>(
  backend: Backend,
  method: M,
  input: InputOf<M>,
): Promise<OutputOf<M>> {
  const envelope = await dispatch(backend.handlers, method, input)
  if (!envelope.ok) {
    const { code, message, field } = envelope.error
    throw new AppError(code, message, field)
  }
  return envelope.value as OutputOf<M>
}
