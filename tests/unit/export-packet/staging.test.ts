import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  utimesSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import { spawn, spawnSync } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import {
  PARTIAL_PATTERN,
  StagingFolder,
  sweepStalePartials,
} from '../../../electron/services/export/staging'
import { tempDir } from '../../helpers/temp'

const cleanups: (() => void)[] = []
afterEach(() => cleanups.splice(0).forEach((c) => c()))

function folder(): string {
  const { dir, cleanup } = tempDir('packetdesk-staging-')
  cleanups.push(cleanup)
  return dir
}

describe('StagingFolder', () => {
  it('writes into a hidden partial folder and shows it only on commit', async () => {
    const out = folder()
    const staging = await StagingFolder.create(out, '包')
    await staging.write('a/b/c.txt', Buffer.from('x'))
    const [partial] = readdirSync(out)
    expect(partial).toMatch(PARTIAL_PATTERN)
    expect(partial?.startsWith('.包.partial-')).toBe(true)
    const final = await staging.commit()
    expect(final).toBe(join(out, '包'))
    expect(readdirSync(out)).toEqual(['包'])
    expect(readFileSync(join(final, 'a', 'b', 'c.txt'), 'utf8')).toBe('x')
  })

  it('never replaces an existing folder or file of the same name', async () => {
    const out = folder()
    mkdirSync(join(out, '包'))
    writeFileSync(join(out, '包_2'), 'a file')
    const staging = await StagingFolder.create(out, '包')
    expect(staging.plannedName).toBe('包_3')
    // Taken after the export started: the next free name is used.
    mkdirSync(join(out, '包_3'))
    await staging.write('f', Buffer.from('y'))
    expect(await staging.commit()).toBe(join(out, '包_4'))
    expect(readdirSync(join(out, '包'))).toEqual([])
    expect(readFileSync(join(out, '包_2'), 'utf8')).toBe('a file')
    expect(readdirSync(join(out, '包_3'))).toEqual([])
  })

  it('refuses to overwrite a file inside the staging folder', async () => {
    const staging = await StagingFolder.create(folder(), '包')
    await staging.write('f', Buffer.from('1'))
    await expect(staging.write('f', Buffer.from('2'))).rejects.toThrow(/EEXIST/)
    await staging.discard()
    expect(existsSync(staging.path)).toBe(false)
  })
})

describe('sweepStalePartials', () => {
  it('removes partial exports older than an hour and nothing else', async () => {
    const out = folder()
    const old = join(out, '.旧.partial-0123456789ab')
    const young = join(out, '.新.partial-ba9876543210')
    const lookalike = join(out, '.partial-notours')
    for (const dir of [old, young, lookalike, join(out, '青禾文化_资质包_2026-11-28')]) {
      mkdirSync(dir)
    }
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000)
    utimesSync(old, twoHoursAgo, twoHoursAgo)
    utimesSync(lookalike, twoHoursAgo, twoHoursAgo)
    expect(await sweepStalePartials(out)).toEqual(['.旧.partial-0123456789ab'])
    expect(readdirSync(out).sort()).toEqual(
      ['.partial-notours', '.新.partial-ba9876543210', '青禾文化_资质包_2026-11-28'].sort(),
    )
  })

  it('removes another process’s partial export only once that process is gone', async () => {
    const out = folder()
    const gone = spawnSync(process.execPath, ['-e', ''])
    const deadPid = gone.pid ?? 0
    const alive = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'])
    try {
      const orphan = `.旧.partial-${deadPid}-0123456789ab`
      const running = `.进行中.partial-${alive.pid ?? 0}-0123456789ab`
      const ours = `.本进程.partial-${process.pid}-0123456789ab`
      for (const name of [orphan, running, ours]) mkdirSync(join(out, name))
      // Fresh folders, and a process still running: only the dead process's is a leftover.
      expect(await sweepStalePartials(out)).toEqual([orphan])
      expect(readdirSync(out).sort()).toEqual([ours, running].sort())
    } finally {
      alive.kill()
    }
  })

  it('names its own staging folder after its process', async () => {
    const staging = await StagingFolder.create(folder(), '青禾文化_资质包_2026-11-28')
    expect(staging.path).toContain(`.partial-${process.pid}-`)
    await staging.discard()
  })

  it('is quiet about a missing folder', async () => {
    expect(await sweepStalePartials(join(folder(), 'nope'))).toEqual([])
  })
})
