import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { todayIn } from '../../shared/dates'
import { AppError } from '../../shared/errors'
import { createBackend } from '../services/backend'
import { safeFileName } from '../services/export/safe-names'
import { generatePacketLetters, letterRelations } from '../services/letters/batch'
import { getRelation } from '../services/library/relations'
import { resolveDataDir } from '../services/paths'
import type { CliIo } from './io'

/**
 * `letter --packet ID --out DIR`: every letter the packet's plan asks for whose
 * relation is in the library (for an either/or item, the declared one),
 * generated, recorded (lifecycle: generated) and written to DIR.
 */
export async function lettersForPacket(
  packetId: string,
  dataDir: string | undefined,
  outDir: string,
  io: CliIo,
  perTrademark = false,
): Promise<number> {
  const backend = createBackend({ dataDir: dataDir ?? resolveDataDir(io.env) })
  try {
    let planned
    try {
      planned = (await backend.handlers['packets.plan']({ id: packetId })).plan
    } catch (error) {
      if (error instanceof AppError && error.code === 'NOT_FOUND') {
        io.stderr(`${error.message}\n`)
        return 2
      }
      throw error
    }
    mkdirSync(outDir, { recursive: true })
    const batch = await generatePacketLetters(backend.db, backend.store, packetId, planned, {
      perTrademark,
      today: todayIn(),
    })
    const written: string[] = []
    for (const letter of batch.letters) {
      const relation = getRelation(backend.db, letter.relationId)
      const bytes = await backend.store.read(letter.pdfSha256)
      const base = `${letter.template}_${relation.from.name}_${relation.to.name}_${letter.id.slice(-6)}.pdf`
      const name = safeFileName(base)
      const file = join(outDir, name)
      const temp = join(outDir, `.${name}.tmp`)
      writeFileSync(temp, bytes)
      renameSync(temp, file)
      written.push(file)
    }
    const failures = batch.failures
    const relationIds = letterRelations(backend.db, planned)
    io.stdout(`${JSON.stringify({ written, failed: failures }, null, 2)}\n`)
    if (relationIds.length === 0)
      io.stderr('该资质包没有需要生成的授权书（或相关关系尚未在资料库登记）。\n')
    for (const failure of failures) io.stderr(`授权书未生成：${failure}\n`)
    return failures.length > 0 ? 1 : 0
  } finally {
    backend.close()
  }
}
