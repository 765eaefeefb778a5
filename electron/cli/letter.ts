import { LIBRARY_OPTIONS, libraryLocation } from './library-location'
import { randomBytes } from 'node:crypto'
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { parseArgs } from 'node:util'
import { AppError } from '../../shared/errors'
import { generateLetter } from '../services/letters'
import type { CliIo } from './io'
import { lettersForPacket } from './letter-packet'

const LETTER_USAGE =
  '  packetdesk letter --template NAME --data FILE.json --out OUT.pdf [--parent grantor|grantee]\n' +
  '                                       生成授权书 PDF（模板：person-to-company、company-to-company、general-agency、parent-subsidiary）\n' +
  '  packetdesk letter --packet ID [--data-dir DIR | --database-url URL] --out DIR [--per-trademark]\n' +
  '                                       生成资质包需要的全部授权书（已登记的关系），写入 DIR'

function fail(io: CliIo, message: string): number {
  io.stderr(`${message}\n`)
  return 2
}

/** Write beside the target, then rename: a reader never sees half a PDF. */
function writeAtomically(file: string, bytes: Uint8Array): void {
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    writeFileSync(temp, bytes, { flag: 'wx' })
    renameSync(temp, file)
  } catch (error) {
    rmSync(temp, { force: true })
    throw error
  }
}

function parseLetterArgs(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      template: { type: 'string' },
      data: { type: 'string' },
      out: { type: 'string' },
      parent: { type: 'string' },
      packet: { type: 'string' },
      ...LIBRARY_OPTIONS,
      'per-trademark': { type: 'boolean' },
    },
    allowPositionals: false,
    strict: true,
  })
  return values
}

/** `letter --template NAME --data FILE.json --out OUT.pdf`: 0 written, 2 bad input, 1 not written. */
export async function letterVerb(args: string[], io: CliIo): Promise<number> {
  let values: ReturnType<typeof parseLetterArgs>
  try {
    values = parseLetterArgs(args)
  } catch (error) {
    return fail(io, `参数错误：${(error as Error).message}\n用法：\n${LETTER_USAGE}`)
  }
  if (values.packet !== undefined) {
    if (!values.out) return fail(io, `参数错误：缺少 --out\n用法：\n${LETTER_USAGE}`)
    return lettersForPacket(
      values.packet,
      libraryLocation(values, io),
      values.out,
      io,
      values['per-trademark'] ?? false,
    )
  }
  for (const flag of ['template', 'data', 'out'] as const) {
    if (!values[flag]) return fail(io, `参数错误：缺少 --${flag}\n用法：\n${LETTER_USAGE}`)
  }
  const { template = '', data: dataFile = '', out = '', parent } = values
  if (parent !== undefined && parent !== 'grantor' && parent !== 'grantee') {
    return fail(io, '参数错误：--parent 只能是 grantor 或 grantee')
  }

  let text: string
  try {
    text = readFileSync(dataFile, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '读取失败'
    return fail(io, `参数错误：--data 无法读取数据文件 ${dataFile}：${code}`)
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    return fail(io, `参数错误：--data 数据文件不是有效的 JSON：${(error as Error).message}`)
  }

  let bytes: Uint8Array
  try {
    bytes = await generateLetter(template, data, { env: io.env, parent })
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') {
      return fail(io, `授权书未生成：--template：${error.message}`)
    }
    if (error instanceof AppError && error.code === 'INVALID_ARGUMENT') {
      const field = error.field ?? '(input)'
      // zod messages already name the field; others get it prefixed here.
      const message = error.message.includes(field)
        ? error.message
        : `字段 ${field}：${error.message}`
      return fail(io, `授权书未生成：${message}`)
    }
    throw error
  }

  try {
    writeAtomically(out, bytes)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '写入失败'
    io.stderr(`授权书未生成：无法写入 ${out}：${code}\n`)
    return 1
  }
  io.stdout(`${JSON.stringify({ ok: true, out, template, bytes: bytes.length })}\n`)
  return 0
}
