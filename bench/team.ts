import pg from 'pg'
import { teamInit } from '../electron/services/team/init'
import { startPostgresCluster } from '../tests/setup/postgres-cluster'

/**
 * A throwaway PostgreSQL cluster for a benchmark's team library (tests/setup/postgres-cluster.ts:
 * loopback only, run as the `postgres` user, deleted afterwards). `teamDatabase` creates a
 * database on it and runs `team init` there; its URL is the cluster superuser's.
 */
export async function withTeamCluster<T>(
  work: (teamDatabase: (name: string) => Promise<string>) => Promise<T>,
): Promise<T> {
  const cluster = await startPostgresCluster()
  try {
    return await work(async (name) => {
      const admin = new pg.Client({ connectionString: cluster.url })
      await admin.connect()
      try {
        await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`)
      } finally {
        await admin.end()
      }
      const url = new URL(cluster.url)
      url.pathname = `/${name}`
      await teamInit(url.toString())
      return url.toString()
    })
  } finally {
    cluster.stop()
  }
}
