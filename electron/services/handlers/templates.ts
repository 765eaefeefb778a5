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
  const { db, store } = ctx
  return {
    'templates.import': async (input) => importUserTemplate(db, store, input),
    'templates.list': async () => listUserTemplates(db),
    'templates.get': async ({ id }) => getUserTemplate(db, store, id),
    'templates.save': async (input) => saveUserTemplate(db, store, input),
    'templates.pagePreview': async ({ id, page }) => userTemplatePage(db, store, id, page),
    'templates.fill': async (input) => {
      const filled = await fillUserTemplate(db, store, input, ctx.today())
      const grantor = getRelation(db, input.relationId).from
      if (grantor.kind === 'person') auditIdReveal(db, grantor.id, 'user template fill')
      return filled
    },
  }
}
