import type { Handlers } from '../../../shared/contract'
import { listCompanies, saveCompany } from '../library/companies'
import { listExpiries } from '../library/expiries'
import { listPersons, revealIdNumber, savePerson } from '../library/persons'
import { emptyRecycleBin, purgeDeleted } from '../library/purge'
import { listDeleted, restoreDeleted, softDelete } from '../library/recycle'
import { listRelations, saveRelation } from '../library/relations'
import { searchAll } from '../library/search-all'
import { listTrademarks, saveTrademark } from '../library/trademarks'
import type { BackendContext } from './context'

type LibraryMethods =
  | 'companies.list'
  | 'companies.save'
  | 'persons.list'
  | 'persons.save'
  | 'persons.revealIdNumber'
  | 'trademarks.list'
  | 'trademarks.save'
  | 'relations.list'
  | 'relations.save'
  | 'library.delete'
  | 'library.search'
  | 'library.expiries'
  | 'recycle.list'
  | 'recycle.restore'
  | 'recycle.purge'
  | 'recycle.empty'

export function libraryHandlers(ctx: BackendContext): Pick<Handlers, LibraryMethods> {
  const { library, today, files, dataDir } = ctx
  return {
    'companies.list': () => listCompanies(library),
    'companies.save': (input) => saveCompany(library, input),
    'persons.list': () => listPersons(library),
    'persons.save': (input) => savePerson(library, input),
    'persons.revealIdNumber': ({ id }) => revealIdNumber(library, id),
    'trademarks.list': () => listTrademarks(library.db),
    'trademarks.save': (input) => saveTrademark(library, input),
    'relations.list': ({ entityId }) => listRelations(library.db, entityId),
    'relations.save': (input) => saveRelation(library, input),
    'library.delete': async ({ kind, id }) => {
      // A document's scan still waiting to be read (or being read) is not read any more.
      const sha =
        kind === 'document'
          ? (
              await library.db
                .selectFrom('documents')
                .select('file_sha256')
                .where('id', '=', id)
                .executeTakeFirst()
            )?.file_sha256
          : null
      await softDelete(library, kind, id)
      if (sha) {
        const others = await library.db
          .selectFrom('documents')
          .select('id')
          .where('file_sha256', '=', sha)
          .where('deleted_at', 'is', null)
          .executeTakeFirst()
        if (!others) ctx.reading?.cancel(sha)
      }
      return { deleted: true as const }
    },
    'library.search': ({ query }) => searchAll(library, query),
    'library.expiries': () => listExpiries(library.db, today()),
    'recycle.list': () => listDeleted(library.db),
    'recycle.purge': async ({ kind, id }) => ({
      purged: await purgeDeleted(library, files, dataDir, kind, id),
    }),
    'recycle.empty': () => emptyRecycleBin(library, files, dataDir),
    'recycle.restore': async ({ kind, id }) => {
      await restoreDeleted(library, kind, id)
      return { restored: true as const }
    },
  }
}
