import type { Handlers } from '../../../shared/contract'
import { todayOverview } from '../overview/today'
import type { BackendContext } from './context'

/** 今日 (issue 13 item 8): the first page, what needs the clerk today. */
export function overviewHandlers(ctx: BackendContext): Pick<Handlers, 'overview.today'> {
  return { 'overview.today': () => todayOverview(ctx) }
}
