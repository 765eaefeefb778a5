import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'

/** The built browser host, as `npm start` runs it without Electron. */
const HOST = join(__dirname, '..', 'out', 'main', 'host.js')

export function assertHostBuilt(bench: string): void {
  if (!existsSync(HOST)) {
    throw new Error(`bench ${bench}: run \`npm run build\` first (out/main/host.js)`)
  }
}

/**
 * The host on `dataDir`, browser not opened, scan reading off (its own bench); resolves with its
 * URL (token in the hash) once it prints it.
 */
export function startHost(dataDir: string): Promise<{ child: ChildProcess; url: URL }> {
  const child = spawn(process.execPath, [HOST], {
    env: {
      ...process.env,
      PACKETDESK_DATA_DIR: dataDir,
      PACKETDESK_NO_OPEN: '1',
      PACKETDESK_READ_SCANS: '0',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8')
      const found = /PacketDesk: (\S+)/.exec(out)?.[1]
      if (found) resolve({ child, url: new URL(found) })
    })
    child.once('exit', (code) => reject(new Error(`host exited (${code}) before its URL line`)))
  })
}

export async function stopHost(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve))
  child.kill('SIGTERM')
  await exited
}
