import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, describe, expect, it } from 'vitest'
import { WorkerPool } from '../../../electron/services/workers/pool'
import { forkSpawner } from '../../../electron/services/workers/spawn'

/**
 * The packaged app has Electron's RunAsNode fuse off, so its decoding workers are utility
 * processes (electron/utility-workers.ts): tasks arrive and answers leave through
 * `process.parentPort`, not Node's IPC. A shim gives a Node child that same shape.
 */
const shim = join(__dirname, 'parent-port-shim.cjs')
const pool = new WorkerPool({
  size: 1,
  spawner: (entry) => forkSpawner({ ...entry, execArgv: [...entry.execArgv, '--require', shim] }),
})
afterAll(() => pool.close())

describe('a worker started the way Electron starts it (parentPort)', () => {
  it('takes a task and answers through parentPort', async () => {
    const png = await sharp({
      create: { width: 640, height: 480, channels: 3, background: '#c03030' },
    })
      .png()
      .toBuffer()
    const thumbnail = await pool.run('thumbnail', { bytes: png, format: 'png', maxSide: 100 })
    const meta = await sharp(Buffer.from(thumbnail)).metadata()
    expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBe(100)
  }, 60_000)
})
