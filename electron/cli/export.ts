import { LIBRARY_OPTIONS, libraryLocation } from './library-location'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { AppError } from '../../shared/errors'
import { cliBackend } from './backend'
import { call } from './call'
import type { CliIo } from './io'

const EXPORT_USAGE =
  '  packetdesk export --packet ID --out DIR [--data-dir DIR | --database-url URL] [--draft] [--no-watermark]\n' +
  '                                       导出资质包文件夹并打印其路径（未就绪且无 --draft 时 1）'

function parseExportArgs(args: string[]) {
  return parseArgs({
    args,
    options: {
      packet: { type: 'string' },
      out: { type: 'string' },
      ...LIBRARY_OPTIONS,
      draft: { type: 'boolean' },
      'no-watermark': { type: 'boolean' },
    },
    allowPositionals: false,
    strict: true,
  }).values
}

function usageError(io: CliIo, message: string): number {
  io.stderr(`参数错误：${message}\n用法：\n${EXPORT_USAGE}\n`)
  return 2
}

/**
 * `export --packet ID --out DIR`: prints the created folder's path (exit 0). A packet that is not
 * ready without --draft, or a file that cannot be made compliant, exits 1 with the reason; bad
 * arguments and an unknown packet exit 2.
 */
export async function exportVerb(args: string[], io: CliIo): Promise<number> {
  let values: ReturnType<typeof parseExportArgs>
  try {
    values = parseExportArgs(args)
  } catch (error) {
    return usageError(io, (error as Error).message)
  }
  if (!values.packet) return usageError(io, '缺少 --packet')
  if (!values.out) return usageError(io, '缺少 --out')

  // An export reads the library and adds an audit row: no lock, so several may run at once.
  const backend = await cliBackend(io, libraryLocation(values, io), 'read', 'export')
  try {
    const result = await call(backend, 'exports.run', {
      packetId: values.packet,
      outDir: resolve(values.out),
      draft: values.draft ?? false,
      watermark: !(values['no-watermark'] ?? false),
    })
    io.stdout(`${result.folder}\n`)
    return 0
  } catch (error) {
    if (error instanceof AppError) {
      io.stderr(`导出失败：${error.message}\n`)
      return error.code === 'NOT_FOUND' || error.code === 'INVALID_ARGUMENT' ? 2 : 1
    }
    throw error
  } finally {
    backend.close()
  }
}
