import type { Handlers } from '../../../shared/contract'
import { AppError } from '../../../shared/errors'
import { combineLetterPdfs, letterPdfs, saveLetterPdfs } from '../letters/bundle'
import { generateRelationLetter, listLetters, markPrinted } from '../letters/records'
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
  | 'letters.combinedPdf'
  | 'letters.saveToFolder'

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
      const [pdf] = await letterPdfs(db, files, [id])
      if (!pdf) throw new AppError('NOT_FOUND', '找不到该授权书。')
      return { fileName: pdf.fileName, dataBase64: Buffer.from(pdf.bytes).toString('base64') }
    },
    // 全部打印 (issue 13 item 9): the batch's letters as one PDF.
    'letters.combinedPdf': async ({ ids }) => {
      const pdfs = await letterPdfs(db, files, ids)
      const bytes = await combineLetterPdfs(pdfs)
      const name = `授权书合并打印_${pdfs.length}份_${ctx.today()}.pdf`
      return { fileName: name, dataBase64: Buffer.from(bytes).toString('base64') }
    },
    // 保存到文件夹: each letter's PDF into a folder the clerk names.
    'letters.saveToFolder': async ({ ids, dir }) =>
      saveLetterPdfs(await letterPdfs(db, files, ids), dir),
  }
}
