import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '../../shared/errors'
import { cliBackend } from './backend'
import { safeFileName } from '../services/export/safe-names'
import { call } from './call'
import type { CliIo } from './io'
import type { LibraryLocation } from './library-location'

/**
 * `letter --packet ID --out DIR`: every letter the packet's plan asks for whose
 * relation is in the library (for an either/or item, the declared one),
 * generated, recorded (lifecycle: generated) and written to DIR.
 */
export async function lettersForPacket(
  packetId: string,
  location: LibraryLocation,
  outDir: string,
  io: CliIo,
  perTrademark = false,
): Promise<number> {
  const backend = await cliBackend(io, location, 'write', 'letter')
  try {
    // The folder first: a bad --out must not leave letters recorded with no files written.
    mkdirSync(outDir, { recursive: true })
    let batch
    try {
      batch = await call(backend, 'letters.generateForPacket', { packetId, perTrademark })
    } catch (error) {
      if (error instanceof AppError && ['NOT_FOUND', 'INVALID_ARGUMENT'].includes(error.code)) {
        io.stderr(`${error.message}\n`)
        return 2
      }
      throw error
    }
    const relations = new Map((await call(backend, 'relations.list', {})).map((r) => [r.id, r]))
    const written: string[] = []
    for (const letter of batch.letters) {
      const relation = relations.get(letter.relationId)
      const { dataBase64 } = await call(backend, 'letters.pdf', { id: letter.id })
      const base = `${letter.template}_${relation?.from.name ?? ''}_${relation?.to.name ?? ''}_${letter.id.slice(-6)}.pdf`
      const name = safeFileName(base)
      const file = join(outDir, name)
      const temp = join(outDir, `.${name}.tmp`)
      writeFileSync(temp, Buffer.from(dataBase64, 'base64'))
      renameSync(temp, file)
      written.push(file)
    }
    const failures = batch.failures
    io.stdout(`${JSON.stringify({ written, failed: failures }, null, 2)}\n`)
    if (batch.letters.length === 0 && failures.length === 0)
      io.stderr('该资质包没有需要生成的授权书（或相关关系尚未在资料库登记）。\n')
    for (const failure of failures) io.stderr(`授权书未生成：${failure}\n`)
    return failures.length > 0 ? 1 : 0
  } finally {
    backend.close()
  }
}
