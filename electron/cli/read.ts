import { readFile, stat } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { todayIn } from '../../shared/dates'
import { MAX_IMPORT_BYTES } from '../../shared/limits'
import type { PaperRead } from '../../shared/reading/paper-read'
import { MESSAGES } from '../services/files/messages'
import { isRefusal } from '../services/files/refuse'
import { sniffFormat } from '../services/files/sniff'
import { stopOcr } from '../services/reading/ocr-pool'
import { readScan } from '../services/reading/read-scan'
import { UsageError, type CliIo } from './io'

interface ReadLine {
  file: string
  kind: PaperRead['kind']
  fields: Record<string, string>
  confidence: { kind: number; fields: Record<string, number> }
  unsure: string[]
  seconds: number
  reason?: string
}

const round = (seconds: number): number => Math.round(seconds * 100) / 100

/** The file's bytes, or why it cannot be opened (exit 2). */
async function open(file: string): Promise<Buffer | string> {
  try {
    const info = await stat(file)
    if (!info.isFile()) return '路径不是一个文件'
    if (info.size > MAX_IMPORT_BYTES) return MESSAGES.tooLarge(info.size)
    return await readFile(file)
  } catch (error) {
    return `无法打开（${(error as NodeJS.ErrnoException).code ?? '读取失败'}）`
  }
}

function unread(file: string, reason: string, seconds: number): ReadLine {
  return {
    file,
    kind: 'unknown',
    fields: {},
    confidence: { kind: 0, fields: {} },
    unsure: [],
    seconds: round(seconds),
    reason,
  }
}

/**
 * `read FILE…` (issue 12): what each scan says, as JSON Lines on stdout — exactly one object per
 * file, in the order given: {file, kind, fields, confidence, unsure, seconds[, reason]}. Progress
 * goes to stderr, by position only (file names of ID scans often contain the ID number). Exit 0
 * when every file was read (a file that is not a readable image or PDF is `unknown` with a
 * reason), 2 when a file cannot be opened. One OCR worker serves the whole call: the models load
 * once.
 */
export async function readVerb(args: string[], io: CliIo): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    options: { today: { type: 'string' } },
    allowPositionals: true,
    strict: true,
  })
  if (positionals.length === 0) throw new UsageError('read 需要至少一个文件路径')
  const today = values.today ?? todayIn()
  let exit = 0
  try {
    for (const [index, file] of positionals.entries()) {
      const started = performance.now()
      const seconds = (): number => (performance.now() - started) / 1000
      const position = `第 ${index + 1}/${positionals.length} 个文件`
      const bytes = await open(file)
      if (typeof bytes === 'string') {
        io.stderr(`${position}：${bytes}\n`)
        io.stdout(`${JSON.stringify(unread(file, bytes, seconds()))}\n`)
        exit = 2
        continue
      }
      let line: ReadLine
      try {
        const format = await sniffFormat(bytes)
        const read = await readScan(bytes, format, {
          today,
          onProgress: ({ page, pages }) => {
            if (page < pages) io.stderr(`${position}：正在识别第 ${page + 1}/${pages} 页…\n`)
          },
        })
        line = {
          file,
          kind: read.kind,
          fields: read.fields,
          confidence: { kind: read.kindConfidence, fields: read.confidence },
          unsure: read.unsure,
          seconds: round(seconds()),
          ...(read.reason ? { reason: read.reason } : {}),
        }
      } catch (error) {
        if (!isRefusal(error)) throw error
        line = unread(file, error.message, seconds())
      }
      io.stderr(`${position}：${line.kind}，${line.seconds} 秒\n`)
      io.stdout(`${JSON.stringify(line)}\n`)
    }
  } finally {
    stopOcr()
  }
  return exit
}
