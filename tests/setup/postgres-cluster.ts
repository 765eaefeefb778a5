import { execFileSync, spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'

/**
 * A throwaway PostgreSQL cluster for the unit tests (team library, issue 11): initdb in a temp
 * folder, loopback only, password auth over TCP, stopped and deleted afterwards. PostgreSQL
 * refuses to run as root, so as root it runs as the `postgres` user (STACK.md). Missing
 * binaries fail the run with the install line — never a silent skip.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres://postgres:PASSWORD@127.0.0.1:PORT/postgres — the cluster's superuser. */
    postgresAdminUrl: string
  }
}

function binDir(): string {
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : []
  const found = versions.map((v) => join(root, v, 'bin')).find((d) => existsSync(join(d, 'initdb')))
  if (!found) {
    throw new Error(
      '缺少 PostgreSQL（团队资料库的测试需要）/ PostgreSQL is missing: sudo apt-get install -y postgresql',
    )
  }
  return found
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/** Start a throwaway cluster; its superuser URL and how to stop (and delete) it. */
export async function startPostgresCluster(): Promise<{
  url: string
  stop: () => void
  /** Take the server away (fast shutdown) and bring it back on the same port. */
  pause: () => void
  resume: () => void
}> {
  const bin = binDir()
  const isRoot = process.getuid?.() === 0
  const asOwner = (command: string, args: string[]): void => {
    const [file, argv] = isRoot
      ? ['runuser', ['-u', 'postgres', '--', join(bin, command), ...args]]
      : [join(bin, command), args]
    execFileSync(file, argv, { stdio: ['ignore', 'ignore', 'pipe'] })
  }
  const dir = mkdtempSync(join(tmpdir(), 'packetdesk-pg-'))
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim())
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim())
    chownSync(dir, uid, gid)
  }
  const password = `pw-${process.pid}-${Date.now()}`
  const pwfile = join(dir, 'pw')
  writeFileSync(pwfile, password, { mode: 0o600 })
  if (isRoot) execFileSync('chown', ['postgres', pwfile])
  const data = join(dir, 'data')
  asOwner('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    `--pwfile=${pwfile}`,
    '--auth-local=trust',
    '--auth-host=scram-sha-256',
    '-E',
    'UTF8',
    '--no-locale',
  ])
  const port = await freePort()
  const start = (): void =>
    asOwner('pg_ctl', [
      '-D',
      data,
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
      '-l',
      join(dir, 'log'),
      '-w',
      'start',
    ])
  start()
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/postgres`
  const stop = (): void => {
    const [file, argv] = isRoot
      ? [
          'runuser',
          ['-u', 'postgres', '--', join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', 'stop'],
        ]
      : [join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', 'stop']]
    spawnSync(file, argv, { stdio: 'ignore' })
    rmSync(dir, { recursive: true, force: true })
  }
  const pause = (): void => asOwner('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'])
  return { url, stop, pause, resume: start }
}

/** vitest globalSetup: one cluster for the unit tests, its URL provided to them. */
export default async function setup(project: TestProject): Promise<() => void> {
  const cluster = await startPostgresCluster()
  project.provide('postgresAdminUrl', cluster.url)
  return cluster.stop
}
