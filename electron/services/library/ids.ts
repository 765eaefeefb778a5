import { randomUUID } from 'node:crypto'

export function newId(prefix: string): string {
  return `${prefix}-${randomUUID()}`
}

export function now(): string {
  return new Date().toISOString()
}
