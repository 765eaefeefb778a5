import { addMonthsClamped, daysBetween } from '../dates'
import type { ExpiryState } from './schemas'

/** Warn from this many days before a valid-until date. */
const EXPIRY_WARNING_DAYS = 90
/** Trademark renewal can be filed in the last 12 months of validity… */
const RENEWAL_WINDOW_MONTHS = 12
/** …and during a 6-month grace period after expiry (商标法 art. 40). */
const GRACE_PERIOD_MONTHS = 6

/** Where a trademark's registration stands on `today`. */
export function trademarkExpiryState(validUntil: string, today: string): ExpiryState {
  if (validUntil < today) {
    return today <= addMonthsClamped(validUntil, GRACE_PERIOD_MONTHS) ? 'grace' : 'expired'
  }
  if (daysBetween(today, validUntil) <= EXPIRY_WARNING_DAYS) return 'soon'
  if (today >= addMonthsClamped(validUntil, -RENEWAL_WINDOW_MONTHS)) return 'renewal_window'
  return 'ok'
}

/** Relations and documents: expired, or due within 90 days. */
export function validityState(validUntil: string, today: string): ExpiryState {
  if (validUntil < today) return 'expired'
  return daysBetween(today, validUntil) <= EXPIRY_WARNING_DAYS ? 'soon' : 'ok'
}

export const EXPIRY_STATE_LABELS: Record<ExpiryState, string> = {
  expired: '已过期',
  grace: '已过期（宽展期内，可续展）',
  soon: '即将到期',
  renewal_window: '可办理续展',
  ok: '有效',
}
