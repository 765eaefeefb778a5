import type { Handlers } from '../../../shared/contract'
import { listCompanies, saveCompany } from '../library/companies'
import { listExpiries } from '../library/expiries'
import { listPersons, revealIdNumber, savePerson } from '../library/persons'
import { emptyRecycleBin, purgeDeleted } from '../library/purge'
import { listDeleted, restoreDeleted, softDelete } from '../library/recycle'
import { reindexEntity } from '../library/reindex'
import { listRelations, saveRelation } from '../library/relations'
import { searchLibrary } from '../library/search'
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

export function libraryHandlers({
  db,
  library,
  today,
  store,
  dataDir,
}: BackendContext): Pick<Handlers, LibraryMethods> {
  return {
    'companies.list': () => listCompanies(library),
    'companies.save': (input) => saveCompany(library, input),
    'persons.list': () => listPersons(library),
    'persons.save': (input) => savePerson(library, input),
    'persons.revealIdNumber': ({ id }) => revealIdNumber(library, id),
    'trademarks.list': async () => listTrademarks(db),
    'trademarks.save': async (input) => saveTrademark(db, input),
    'relations.list': async ({ entityId }) => listRelations(db, entityId),
    'relations.save': async (input) => saveRelation(db, input),
    'library.delete': async ({ kind, id }) => {
      softDelete(db, kind, id)
      return { deleted: true as const }
    },
    'library.search': async ({ query }) => searchLibrary(db, query),
    'library.expiries': async () => listExpiries(db, today()),
    'recycle.list': async () => listDeleted(db),
    'recycle.purge': async ({ kind, id }) => ({
      purged: purgeDeleted(db, store, dataDir, kind, id),
    }),
    'recycle.empty': async () => emptyRecycleBin(db, store, dataDir),
    'recycle.restore': async ({ kind, id }) => {
      db.transaction(() => {
        restoreDeleted(db, kind, id)
        reindexEntity(db, kind, id)
      })()
      return { restored: true as const }
    },
  }
}
