import { expect } from 'vitest'
import { AppError } from '../../shared/errors'

/** The AppError a call is refused with; fails the test if it succeeds or throws anything else. */
export async function refusalOf(promise: Promise<unknown>): Promise<AppError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(AppError)
  return error as AppError
}
