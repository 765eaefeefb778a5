import type { Database } from 'better-sqlite3'
import { daysBetween } from '../../../shared/dates'
import {
  EXPIRY_STATE_LABELS,
  trademarkExpiryState,
  validityState,
} from '../../../shared/library/expiry'
import type { ExpiryItem } from '../../../shared/library/schemas'
import type { RelationType } from '../../../shared/i18n/labels'
import { requirementLabel, requirementOfRelation } from '../../../shared/rules/requirement-derive'

/** The paper that proves a relation (授权书, 总代授权书, 母子公司关系证明). */
function relationDocumentLabel(type: RelationType): string {
  return requirementLabel(requirementOfRelation(type) ?? type)
}

/**
 * The expiry dashboard: everything with a valid-until that needs attention
 * (expired, in the trademark grace period or renewal window, or due within
 * 90 days), most urgent first.
 */
export function listExpiries(db: Database, today: string): ExpiryItem[] {
  const items: ExpiryItem[] = []
  const trademarks = db
    .prepare(
      "SELECT id, text, reg_no, valid_until FROM trademarks WHERE deleted_at IS NULL AND status = 'registered' AND valid_until IS NOT NULL",
    )
    .all() as { id: string; text: string; reg_no: string; valid_until: string }[]
  for (const t of trademarks) {
    const state = trademarkExpiryState(t.valid_until, today)
    if (state === 'ok') continue
    items.push({
      kind: 'trademark',
      id: t.id,
      title: `商标“${t.text}”（${t.reg_no}）`,
      validUntil: t.valid_until,
      daysLeft: daysBetween(today, t.valid_until),
      state,
      message: EXPIRY_STATE_LABELS[state],
    })
  }
  const relations = db
    .prepare(
      `SELECT r.id, r.type, r.valid_until, COALESCE(fc.name, fp.name) AS from_name, tc.name AS to_name
       FROM relations r LEFT JOIN companies fc ON fc.id = r.from_company_id
       LEFT JOIN persons fp ON fp.id = r.from_person_id JOIN companies tc ON tc.id = r.to_company_id
       WHERE r.deleted_at IS NULL AND r.valid_until IS NOT NULL`,
    )
    .all() as {
    id: string
    type: string
    valid_until: string
    from_name: string
    to_name: string
  }[]
  for (const r of relations) {
    const state = validityState(r.valid_until, today)
    if (state === 'ok') continue
    items.push({
      kind: 'relation',
      id: r.id,
      title: `${relationDocumentLabel(r.type as RelationType)}：${r.from_name} → ${r.to_name}`,
      validUntil: r.valid_until,
      daysLeft: daysBetween(today, r.valid_until),
      state,
      message: EXPIRY_STATE_LABELS[state],
    })
  }
  const documents = db
    .prepare(
      'SELECT id, requirement, valid_until FROM documents WHERE deleted_at IS NULL AND valid_until IS NOT NULL',
    )
    .all() as { id: string; requirement: string; valid_until: string }[]
  for (const d of documents) {
    const state = validityState(d.valid_until, today)
    if (state === 'ok') continue
    items.push({
      kind: 'document',
      id: d.id,
      title: `文件：${d.requirement}`,
      validUntil: d.valid_until,
      daysLeft: daysBetween(today, d.valid_until),
      state,
      message: EXPIRY_STATE_LABELS[state],
    })
  }
  return items.sort((a, b) => a.daysLeft - b.daysLeft)
}
