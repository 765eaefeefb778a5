import type { Handlers } from '../../../shared/contract'
import { AppError } from '../../../shared/errors'
import { auditIdReveal } from '../library/audit'
import { getRelation } from '../library/relations'
import { generateRelationLetter, listLetters, markPrinted } from '../letters/records'
import { fileLabel } from '../../../shared/rules/requirement-derive'
import { planForPacket } from '../packets/plan-for-packet'
import { generatePacketLetters } from '../letters/batch'
import { listTemplates } from '../letters/templates'
import { getWording, saveWording } from '../letters/wording'
import type { BackendContext } from './context'

type LetterMethods =
  | 'letters.list'
  | 'letters.generate'
  | 'letters.markPrinted'
  | 'letters.pdf'
  | 'letters.generateForPacket'
  | 'letters.builtins'
  | 'letters.wording'
  | 'letters.saveWording'

export function letterHandlers(ctx: BackendContext): Pick<Handlers, LetterMethods> {
  const { library, files } = ctx
  const db = library.db
  return {
    'letters.list': (filter) => listLetters(db, filter),
    'letters.generate': (input) => generateRelationLetter(library, files, input, ctx.today()),
    'letters.markPrinted': ({ id }) => markPrinted(library, id),
    'letters.builtins': async () =>
      listTemplates().map(({ name, label, description }) => ({ name, label, description })),
    'letters.wording': ({ name }) => getWording(db, name),
    'letters.saveWording': ({ name, paragraphs }) => saveWording(library, name, paragraphs),
    'letters.generateForPacket': async ({ packetId, perTrademark, onlyOutstanding }) => {
      const { plan } = await planForPacket(ctx, packetId, ctx.today())
      return generatePacketLetters(library, files, packetId, plan, {
        perTrademark: perTrademark ?? false,
        onlyOutstanding: onlyOutstanding ?? false,
        today: ctx.today(),
      })
    },
    'letters.pdf': async ({ id }) => {
      const letter = (await listLetters(db, {})).find((l) => l.id === id)
      if (!letter) throw new AppError('NOT_FOUND', '找不到该授权书。')
      const relation = await getRelation(db, letter.relationId)
      // The letter states the grantor's ID number when the grantor is a person (R11).
      if (relation.from.kind === 'person') await auditIdReveal(db, relation.from.id, 'letter pdf')
      const bytes = await files.read(letter.pdfSha256)
      const name = `${fileLabel(letter.requirement)}_${relation.from.name}_${letter.createdAt.slice(0, 10)}.pdf`
      return { fileName: name, dataBase64: bytes.toString('base64') }
    },
  }
}
