import { toWireError } from '../dispatch'
import type { ResultMessage, TaskMessage } from './protocol'
import type { TaskTable } from './pool'

/** In an Electron utility process (the packaged app) the parent is `process.parentPort`. */
interface ParentPort {
  on(event: 'message', listener: (event: { data: TaskMessage }) => void): void
  postMessage(message: unknown): void
}

/** A Buffer arrives as a Uint8Array (structured clone): give the task a Buffer again. */
function withBuffers(input: unknown): unknown {
  if (typeof input !== 'object' || input === null) return input
  const out: Record<string, unknown> = { ...(input as Record<string, unknown>) }
  for (const key of ['bytes', 'image']) {
    const data = out[key]
    if (data instanceof Uint8Array && !Buffer.isBuffer(data)) {
      out[key] = Buffer.from(data.buffer, data.byteOffset, data.byteLength)
    }
  }
  return out
}

/**
 * The body of a worker process of a pool (pool.ts): runs one task at a time for its parent and
 * answers on the IPC channel. `warmUp` loads what every task needs; the parent starts a task's
 * clock only once it is done, so start-up never counts against a file.
 */
export function serveTasks(tasks: TaskTable, warmUp: () => Promise<unknown>): void {
  const parentPort = (process as { parentPort?: ParentPort }).parentPort
  const reply = (message: ResultMessage): void => {
    if (parentPort) parentPort.postMessage(message)
    else process.send?.(message)
  }
  const onTask = (raw: TaskMessage): void => {
    const { id, task, input } = raw
    const run = Object.hasOwn(tasks, task) ? tasks[task] : undefined
    if (!run) {
      reply({ id, ok: false, error: { code: 'INTERNAL', message: `未知的任务：${task}` } })
      return
    }
    run(withBuffers(input)).then(
      (value) => reply({ id, ok: true, value }),
      (error: unknown) => reply({ id, ok: false, error: toWireError(error) }),
    )
  }
  if (parentPort) parentPort.on('message', (event) => onTask(event.data))
  else process.on('message', onTask)
  void warmUp().finally(() => reply({ ready: true }))
  // The parent going away ends the worker (its channel closes).
  process.on('disconnect', () => process.exit(0))
}
