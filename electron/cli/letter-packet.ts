import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { todayIn } from '../../shared/dates'
import { AppError } from '../../shared/errors'
import { isAnyOf, type RequirementRef } from '../../shared/rules/types'
import { createBackend } from '../services/backend'
import { safeFileName } from '../services/export/safe-names'
import { relationIdFor } from '../services/letters/pending'
import { generateRelationLetter } from '../services/letters/records'
import { getRelation } from '../services/library/relations'
import { resolveDataDir } from '../services/paths'
import type { CliIo } from './io'

const LETTER_IDS = new Set([
  'authorization_letter',
  'general_agency_authorization',
  'parent_subsidiary_proof',
])

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
    const refs: RequirementRef[] = planned.requirements.flatMap((r) =>
      (isAnyOf(r) ? r.anyOf : [r]).filter((ref) => LETTER_IDS.has(ref.id)),
    )
    const relationIds = [
      ...new Set(refs.map((ref) => relationIdFor(backend.db, ref)).filter((id) => id !== null)),
    ]
    mkdirSync(outDir, { recursive: true })
    const written: string[] = []
    const failures: string[] = []
    for (const relationId of relationIds) {
      const relation = getRelation(backend.db, relationId)
      try {
        const letter = await generateRelationLetter(
          backend.db,
          backend.store,
          { relationId, packetId },
          todayIn(),
        )
        const bytes = await backend.store.read(letter.pdfSha256)
        const name = safeFileName(
          `${letter.template}_${relation.from.name}_${relation.to.name}.pdf`,
        )
        const file = join(outDir, name)
        const temp = join(outDir, `.${name}.tmp`)
        writeFileSync(temp, bytes)
        renameSync(temp, file)
        written.push(file)
      } catch (error) {
        if (!(error instanceof AppError)) throw error
        failures.push(`${relation.from.name} → ${relation.to.name}：${error.message}`)
      }
    }
    io.stdout(`${JSON.stringify({ written, failed: failures }, null, 2)}\n`)
    if (relationIds.length === 0)
      io.stderr('该资质包没有需要生成的授权书（或相关关系尚未在资料库登记）。\n')
    for (const failure of failures) io.stderr(`授权书未生成：${failure}\n`)
    return failures.length > 0 ? 1 : 0
  } finally {
    backend.close()
  }
}
