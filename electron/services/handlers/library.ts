import type { Handlers } from '../../../shared/contract'
import { listCompanies, saveCompany } from '../library/companies'
import { listExpiries } from '../library/expiries'
import { listPersons, revealIdNumber, savePerson } from '../library/persons'
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

/** Run synchronous repository code as a promise; a throw becomes a rejection. */
const resolved = <T>(fn: () => T): Promise<T> => new Promise((resolve) => resolve(fn()))

export function libraryHandlers({ db, today }: BackendContext): Pick<Handlers, LibraryMethods> {
  return {
    'companies.list': () => resolved(() => listCompanies(db)),
    'companies.save': (input) => resolved(() => saveCompany(db, input)),
    'persons.list': () => resolved(() => listPersons(db)),
    'persons.save': (input) => resolved(() => savePerson(db, input)),
    'persons.revealIdNumber': ({ id }) => resolved(() => revealIdNumber(db, id)),
    'trademarks.list': () => resolved(() => listTrademarks(db)),
    'trademarks.save': (input) => resolved(() => saveTrademark(db, input)),
    'relations.list': ({ entityId }) => resolved(() => listRelations(db, entityId)),
    'relations.save': (input) => resolved(() => saveRelation(db, input)),
    'library.delete': ({ kind, id }) =>
      resolved(() => {
        softDelete(db, kind, id)
        return { deleted: true as const }
      }),
    'library.search': ({ query }) => resolved(() => searchLibrary(db, query)),
    'library.expiries': () => resolved(() => listExpiries(db, today())),
    'recycle.list': () => resolved(() => listDeleted(db)),
    'recycle.restore': ({ kind, id }) =>
      resolved(() => {
        db.transaction(() => {
          restoreDeleted(db, kind, id)
          reindexEntity(db, kind, id)
        })()
        return { restored: true as const }
      }),
  }
}
