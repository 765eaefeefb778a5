import type { Handlers } from '../../../shared/contract'
import { todayExpiries, todayHead, todayOverview } from '../overview/today'
import type { BackendContext } from './context'

type OverviewMethods = 'overview.today' | 'overview.todayHead' | 'overview.todayExpiries'

/** 今日 (issue 13 item 8): the first page, what needs the clerk today; whole or in its parts. */
export function overviewHandlers(ctx: BackendContext): Pick<Handlers, OverviewMethods> {
  return {
    'overview.today': () => todayOverview(ctx),
    'overview.todayHead': () => todayHead(ctx),
    'overview.todayExpiries': () => todayExpiries(ctx),
  }
}
