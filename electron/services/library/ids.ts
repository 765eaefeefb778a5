import { randomUUID } from 'node:crypto'

export function newId(prefix: string): string {
  return `${prefix}-${randomUUID()}`
}

export function now(): string {
  return new Date().toISOString()
}

/** Ids per `IN (…)` list: both engines bound the number of parameters of one statement. */
export const ID_CHUNK = 500
