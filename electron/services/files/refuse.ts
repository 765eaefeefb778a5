import { AppError } from '../../../shared/errors'

/** Every refusal of an imported file carries this code and a Chinese reason for the user. */
export function refuse(reason: string): AppError {
  return new AppError('FILE_REJECTED', reason)
}

export function isRefusal(error: unknown): error is AppError {
  return error instanceof AppError && error.code === 'FILE_REJECTED'
}
