import { utilityProcess } from 'electron'
import type { ResultMessage } from './services/workers/protocol'
import type { WorkerSpawner } from './services/workers/spawn'

/**
 * The worker pools' processes (decoding, fitting, OCR) as Electron utility processes. The packaged app has the RunAsNode
 * fuse off (electron-builder.yml), so `child_process.fork` of the Electron binary would not run
 * Node; a utility process is Electron's supported way to run a Node child, and the pool's
 * watchdog (deadline, memory) applies to it the same way.
 */
export const utilitySpawner: WorkerSpawner = (entry) => {
  const child = utilityProcess.fork(entry.file, [], {
    execArgv: entry.execArgv,
    env: { ...process.env, ...entry.env },
    serviceName: 'PacketDesk 文件处理',
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  return {
    get pid() {
      return child.pid
    },
    send: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', (message: ResultMessage) => listener(message)),
    onExit: (listener) => child.once('exit', () => listener()),
    kill: () => {
      child.kill()
    },
    // The app stays open while its window does; nothing to hold.
    hold: () => undefined,
  }
}
