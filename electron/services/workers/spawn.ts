import { fork } from 'node:child_process'
import type { ResultMessage, TaskMessage } from './protocol'

/** One worker process as the pool sees it, whichever way it was started. */
export interface WorkerProcess {
  readonly pid: number | undefined
  send(message: TaskMessage): void
  onMessage(listener: (message: ResultMessage) => void): void
  /** Called once when the process ends or cannot start. */
  onExit(listener: () => void): void
  kill(): void
  /** Whether this worker keeps the event loop alive (a busy one must, an idle one must not). */
  hold(busy: boolean): void
}

export interface WorkerEntry {
  file: string
  execArgv: string[]
  /** Added to the parent's environment. */
  env: Record<string, string>
}

export type WorkerSpawner = (entry: WorkerEntry) => WorkerProcess

/** Node's `child_process.fork` (the CLI, the browser host, tests). */
export const forkSpawner: WorkerSpawner = (entry) => {
  const child = fork(entry.file, [], {
    execArgv: entry.execArgv,
    env: { ...process.env, ...entry.env },
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  })
  return {
    get pid() {
      return child.pid
    },
    send: (message) => {
      child.send(message)
    },
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) => {
      let called = false
      const once = (): void => {
        if (called) return
        called = true
        listener()
      }
      child.on('exit', once)
      child.on('error', once)
    },
    kill: () => child.kill('SIGKILL'),
    hold: (busy) => {
      if (busy) {
        child.ref()
        child.channel?.ref()
      } else {
        child.unref()
        child.channel?.unref()
      }
    },
  }
}
