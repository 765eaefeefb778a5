import { parseArgs } from 'node:util'
import { AppError } from '../../shared/errors'
import { createBackup } from '../services/backup/backup'
import { finishInterruptedRestore, restoreBackup } from '../services/backup/restore'
import { describeOwner, lockDataDir } from '../services/db/data-lock'
import { ensureDataDir, resolveDataDir } from '../services/paths'
import { cliBackend } from './backend'
import { UsageError, type CliIo } from './io'

/** `backup --data-dir D --out FILE`: the whole library in one archive, while the app runs. */
export async function backupVerb(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { 'data-dir': { type: 'string' }, out: { type: 'string' } },
    strict: true,
  })
  if (!values.out) throw new UsageError('backup 需要 --out FILE')
  // A reader: the online backup reads a consistent snapshot while the app keeps writing.
  const backend = await cliBackend(
    io,
    { dataDir: values['data-dir'] ?? resolveDataDir(io.env) },
    'read',
    'backup',
  )
  try {
    const result = await createBackup(backend.db, backend.store, values.out)
    io.stdout(`${JSON.stringify(result, null, 2)}\n`)
    return 0
  } catch (error) {
    if (error instanceof AppError) {
      io.stderr(`备份失败：${error.message}\n`)
      return 1
    }
    throw error
  } finally {
    backend.close()
  }
}

/** `restore FILE --data-dir D`: verify the archive, keep the current library aside, restore. */
export async function restoreVerb(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { 'data-dir': { type: 'string' } },
    allowPositionals: true,
    strict: true,
  })
  if (positionals.length !== 1 || !positionals[0]) throw new UsageError('restore 需要一个备份文件')
  const dataDir = values['data-dir'] ?? resolveDataDir(io.env)
  const wait = Number(io.env.PACKETDESK_LOCK_WAIT_MS)
  // The library is replaced: nobody may be writing to it (the app must be closed).
  ensureDataDir(dataDir)
  const lock = await lockDataDir(dataDir, '命令行 restore', {
    ...(Number.isFinite(wait) && wait >= 0 ? { waitMs: wait } : {}),
    onWait: (owner) => io.stderr(`数据文件夹${describeOwner(owner)}，正在等待其释放…\n`),
  })
  try {
    // A restore the app left unfinished is completed first, never overwritten by this one.
    finishInterruptedRestore(dataDir)
    const result = await restoreBackup(positionals[0], dataDir)
    io.stdout(`${JSON.stringify(result, null, 2)}\n`)
    return 0
  } catch (error) {
    if (error instanceof AppError) {
      io.stderr(`恢复失败：${error.message}\n`)
      return error.code === 'INVALID_ARGUMENT' ? 2 : 1
    }
    throw error
  } finally {
    lock.release()
  }
}
