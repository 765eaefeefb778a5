import type { WireError } from '../../../shared/errors'

/** Parent → worker: one task at a time. */
export interface TaskMessage {
  id: number
  task: string
  input: unknown
}

/** Worker → parent: ready for tasks (sent once, after loading), or a task's result or refusal. */
export type ResultMessage =
  | { ready: true }
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: WireError }
