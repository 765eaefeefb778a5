import type { Handlers } from '../../../shared/contract'
import { AppError } from '../../../shared/errors'
import { TRADEMARK_OFFICE_SEARCH_URL } from '../../../shared/platform/links'
import { validateTrademarkNo } from '../../../shared/validators/trademark-no'
import { getEmailRecipient, setEmailRecipient } from '../db/email-recipient'
import type { BackendContext } from './context'

type PlatformMethods =
  'trademarks.openOfficeSearch' | 'settings.emailRecipient' | 'settings.setEmailRecipient'

/** What the platform's form asks that the library does not hold (issue 13 items 16–17). */
export function platformHandlers(ctx: BackendContext): Pick<Handlers, PlatformMethods> {
  const { db } = ctx
  return {
    'trademarks.openOfficeSearch': async ({ regNo }) => {
      // A soft check elsewhere (odd numbers are kept, flagged): the clerk's number is copied.
      const number = validateTrademarkNo(regNo).normalized
      if (number === '') throw new AppError('INVALID_ARGUMENT', '请先填写注册号', 'regNo')
      // Only the fixed query site: the input picks what is copied, never where to go.
      if (!ctx.desktop) return { handled: false, regNo: number, url: TRADEMARK_OFFICE_SEARCH_URL }
      ctx.desktop.writeClipboard(number)
      await ctx.desktop.openExternal(TRADEMARK_OFFICE_SEARCH_URL)
      return { handled: true, regNo: number, url: TRADEMARK_OFFICE_SEARCH_URL }
    },
    'settings.emailRecipient': async () => ({ address: getEmailRecipient(db) }),
    'settings.setEmailRecipient': async ({ address }) => {
      setEmailRecipient(db, address)
      return { address: getEmailRecipient(db) }
    },
  }
}
