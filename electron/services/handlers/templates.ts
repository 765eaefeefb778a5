import type { Handlers } from '../../../shared/contract'
import {
  fillUserTemplate,
  getUserTemplate,
  importUserTemplate,
  listUserTemplates,
  saveUserTemplate,
  userTemplatePage,
} from '../letters/user-templates'
import { auditIdReveal } from '../library/audit'
import { getRelation } from '../library/relations'
import type { BackendContext } from './context'

type TemplateMethods =
  | 'templates.import'
  | 'templates.list'
  | 'templates.get'
  | 'templates.save'
  | 'templates.pagePreview'
  | 'templates.fill'

/** The user's own letter templates: import, design (boxes or field mapping), fill. */
export function templateHandlers(ctx: BackendContext): Pick<Handlers, TemplateMethods> {
  const { library, files } = ctx
  const db = library.db
  return {
    'templates.import': (input) => importUserTemplate(library, files, input),
    'templates.list': () => listUserTemplates(db),
    'templates.get': ({ id }) => getUserTemplate(db, files, id),
    'templates.save': (input) => saveUserTemplate(library, files, input),
    'templates.pagePreview': ({ id, page }) => userTemplatePage(db, files, id, page),
    'templates.fill': async (input) => {
      const filled = await fillUserTemplate(library, files, input, ctx.today())
      const grantor = (await getRelation(db, input.relationId)).from
      if (grantor.kind === 'person') await auditIdReveal(db, grantor.id, 'user template fill')
      return filled
    },
  }
}
