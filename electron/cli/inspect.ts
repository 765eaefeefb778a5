import { readFile, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { parseArgs } from 'node:util'
import { inspectIsolated } from '../services/workers/isolated'
import { MAX_IMPORT_BYTES } from '../../shared/limits'
import { MESSAGES } from '../services/files/messages'
import { isRefusal } from '../services/files/refuse'
import { UsageError, type CliIo } from './io'

/**
 * `inspect FILE`: the facts the import would record, as JSON (exit 0), or why
 * the file would be refused (stderr, exit 2). The path is never echoed: file
 * names of ID scans often contain the ID number.
 */
export async function inspectVerb(args: string[], io: CliIo): Promise<number> {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true })
  if (positionals.length !== 1) throw new UsageError('inspect 需要且只需要一个文件路径')
  const file = positionals[0] ?? ''
  let bytes: Buffer
  try {
    const info = await stat(file)
    if (!info.isFile()) {
      io.stderr('无法读取文件：路径不是一个文件\n')
      return 2
    }
    // Refuse an oversize file before reading it into memory.
    if (info.size > MAX_IMPORT_BYTES) {
      io.stderr(`已拒绝：${MESSAGES.tooLarge(info.size)}\n`)
      return 2
    }
    bytes = await readFile(file)
  } catch (error) {
    io.stderr(`无法读取文件：${(error as NodeJS.ErrnoException).code ?? '读取失败'}\n`)
    return 2
  }
  try {
    const facts = await inspectIsolated(bytes, { fileName: basename(file) })
    const { format, width, height, pages, color } = facts
    io.stdout(
      `${JSON.stringify({ format, width, height, bytes: facts.bytes, pages, color }, null, 2)}\n`,
    )
    return 0
  } catch (error) {
    if (!isRefusal(error)) throw error
    io.stderr(`已拒绝：${error.message}\n`)
    return 2
  }
}
