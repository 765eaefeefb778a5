import type { Handlers } from '../../../shared/contract'
import type { ContentStore } from '../files/content-store'
import {
  fillUserTemplate,
  getUserTemplate,
  importUserTemplate,
  listUserTemplates,
  saveUserTemplate,
  userTemplatePage,
} from '../letters/user-templates'
import type { BackendContext } from './context'

type TemplateMethods =
  | 'templates.import'
  | 'templates.list'
  | 'templates.get'
  | 'templates.save'
  | 'templates.pagePreview'
  | 'templates.fill'

/** The user's own letter templates: import, design (boxes or field mapping), fill. */
export function templateHandlers(
  ctx: BackendContext,
  store: ContentStore,
): Pick<Handlers, TemplateMethods> {
  const { db } = ctx
  return {
    'templates.import': (input) => importUserTemplate(db, store, input),
    'templates.list': () => Promise.resolve(listUserTemplates(db)),
    'templates.get': ({ id }) => getUserTemplate(db, store, id),
    'templates.save': (input) => saveUserTemplate(db, store, input),
    'templates.pagePreview': ({ id, page }) => userTemplatePage(db, store, id, page),
    'templates.fill': (input) => fillUserTemplate(db, store, input, ctx.today()),
  }
}
