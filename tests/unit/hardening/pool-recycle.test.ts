import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../../helpers/cli'

/**
 * A worker recycled after its task (above its resident size) must not let a process with
 * nothing else to do end before the next task runs: `cli read` of several scans recycles the OCR
 * worker between files. Run in a process of its own, as the CLI is — inside vitest other handles
 * would keep the event loop alive and hide it.
 */
describe('the worker pool recycling a worker', () => {
  it('runs the task queued while the recycled worker exits, in a process with nothing else alive', () => {
    const pool = join(PROJECT_ROOT, 'electron', 'services', 'workers', 'pool.ts')
    const script = `
      const sharp = require('sharp')
      const { WorkerPool } = require(${JSON.stringify(pool)})
      const main = async () => {
        const bytes = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#c33' } }).png().toBuffer()
        // Every worker is recycled after its task: its RSS is above 1 byte.
        const workers = new WorkerPool({ size: 1, recycleRssBytes: 1 })
        for (const n of [1, 2, 3]) {
          await workers.run('thumbnail', { bytes, format: 'png' })
          console.log('task ' + n + ' done')
        }
        workers.close()
      }
      void main()
    `
    const result = spawnSync(process.execPath, ['--require', 'tsx/cjs', '-e', script], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    })
    expect(result.stderr).toBe('')
    expect(result.stdout.trim().split('\n')).toEqual(['task 1 done', 'task 2 done', 'task 3 done'])
    expect(result.status).toBe(0)
  })
})
