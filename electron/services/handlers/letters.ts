import type { Handlers } from '../../../shared/contract'
import { AppError } from '../../../shared/errors'
import type { ContentStore } from '../files/content-store'
import { getRelation } from '../library/relations'
import { generateRelationLetter, listLetters, markPrinted } from '../letters/records'
import type { Plan } from '../../../shared/rules/types'
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

export function letterHandlers(
  ctx: BackendContext,
  store: ContentStore,
  /** The packet's plan as the app shows it (handed in: no handler reaches into another). */
  planOf: (packetId: string) => Promise<{ plan: Plan }>,
): Pick<Handlers, LetterMethods> {
  const { db } = ctx
  return {
    'letters.list': (filter) => Promise.resolve(listLetters(db, filter)),
    'letters.generate': (input) => generateRelationLetter(db, store, input, ctx.today()),
    'letters.markPrinted': ({ id }) => Promise.resolve(markPrinted(db, id)),
    'letters.builtins': () =>
      Promise.resolve(
        listTemplates().map(({ name, label, description }) => ({ name, label, description })),
      ),
    'letters.wording': ({ name }) => new Promise((resolve) => resolve(getWording(db, name))),
    'letters.saveWording': ({ name, paragraphs }) =>
      new Promise((resolve) => resolve(saveWording(db, name, paragraphs))),
    'letters.generateForPacket': async ({ packetId, perTrademark }) => {
      const { plan } = await planOf(packetId)
      return generatePacketLetters(db, store, packetId, plan, {
        perTrademark: perTrademark ?? false,
        today: ctx.today(),
      })
    },
    'letters.pdf': async ({ id }) => {
      const letter = listLetters(db, {}).find((l) => l.id === id)
      if (!letter) throw new AppError('NOT_FOUND', '找不到该授权书。')
      const relation = getRelation(db, letter.relationId)
      const bytes = await store.read(letter.pdfSha256)
      const name = `${letter.template === 'parent-subsidiary' ? '母子公司关系说明函' : '授权书'}_${relation.from.name}_${letter.createdAt.slice(0, 10)}.pdf`
      return { fileName: name, dataBase64: bytes.toString('base64') }
    },
  }
}
