import { daysBetween } from '../../../shared/dates'
import {
  EXPIRY_STATE_LABELS,
  trademarkExpiryState,
  validityState,
} from '../../../shared/library/expiry'
import type { ExpiryItem } from '../../../shared/library/schemas'
import type { RelationType } from '../../../shared/i18n/labels'
import { requirementLabel, requirementOfRelation } from '../../../shared/rules/requirement-derive'
import type { Executor } from '../storage/library-store'

/** The paper that proves a relation (授权书, 总代授权书, 母子公司关系证明). */
function relationDocumentLabel(type: RelationType, language: 'zh-CN' | 'en' = 'zh-CN'): string {
  return requirementLabel(requirementOfRelation(type) ?? type, language)
}

/**
 * The expiry dashboard: everything with a valid-until that needs attention
 * (expired, in the trademark grace period or renewal window, or due within
 * 90 days), most urgent first.
 */
export async function listExpiries(
  db: Executor,
  today: string,
  /** Also what is still valid but due within this many days (the 今日 timeline: 365). */
  horizonDays = 0,
  /** Only what is valid until this day (今日's "expired today": yesterday), not the whole list. */
  onDay?: string,
): Promise<ExpiryItem[]> {
  const wanted = (state: string, validUntil: string) =>
    state !== 'ok' || daysBetween(today, validUntil) <= horizonDays
  const items: ExpiryItem[] = []
  const trademarks = await db
    .selectFrom('trademarks')
    .select(['id', 'text', 'reg_no', 'valid_until'])
    .where('deleted_at', 'is', null)
    .where('status', '=', 'registered')
    .where('valid_until', 'is not', null)
    .$if(onDay !== undefined, (qb) => qb.where('valid_until', '=', onDay ?? ''))
    .$narrowType<{ valid_until: string }>()
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  for (const t of trademarks) {
    const state = trademarkExpiryState(t.valid_until, today)
    if (!wanted(state, t.valid_until)) continue
    items.push({
      kind: 'trademark',
      id: t.id,
      title: `商标“${t.text}”（${t.reg_no}）`,
      titleEn: `Trademark “${t.text}” (${t.reg_no})`,
      validUntil: t.valid_until,
      daysLeft: daysBetween(today, t.valid_until),
      state,
      message: EXPIRY_STATE_LABELS[state],
    })
  }
  const relations = await db
    .selectFrom('relations as r')
    .leftJoin('companies as fc', 'fc.id', 'r.from_company_id')
    .leftJoin('persons as fp', 'fp.id', 'r.from_person_id')
    .innerJoin('companies as tc', 'tc.id', 'r.to_company_id')
    .select((eb) => [
      'r.id',
      'r.type',
      'r.valid_until',
      eb.fn.coalesce('fc.name', 'fp.name').as('from_name'),
      'tc.name as to_name',
    ])
    .where('r.deleted_at', 'is', null)
    .where('r.valid_until', 'is not', null)
    .$if(onDay !== undefined, (qb) => qb.where('r.valid_until', '=', onDay ?? ''))
    .$narrowType<{ valid_until: string }>()
    .orderBy('r.created_at')
    .orderBy('r.id')
    .execute()
  for (const r of relations) {
    const state = validityState(r.valid_until, today)
    if (!wanted(state, r.valid_until)) continue
    items.push({
      kind: 'relation',
      id: r.id,
      title: `${relationDocumentLabel(r.type)}：${r.from_name} → ${r.to_name}`,
      titleEn: `${relationDocumentLabel(r.type, 'en')}: ${r.from_name} → ${r.to_name}`,
      validUntil: r.valid_until,
      daysLeft: daysBetween(today, r.valid_until),
      state,
      message: EXPIRY_STATE_LABELS[state],
    })
  }
  const documents = await db
    .selectFrom('documents')
    .select(['id', 'requirement', 'valid_until', 'owner_kind', 'owner_id'])
    .where('deleted_at', 'is', null)
    .where('valid_until', 'is not', null)
    .$if(onDay !== undefined, (qb) => qb.where('valid_until', '=', onDay ?? ''))
    .$narrowType<{ valid_until: string }>()
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  for (const d of documents) {
    const state = validityState(d.valid_until, today)
    if (!wanted(state, d.valid_until)) continue
    items.push({
      kind: 'document',
      id: d.id,
      title: `文件：${requirementLabel(d.requirement)}`,
      titleEn: `File: ${requirementLabel(d.requirement, 'en')}`,
      owner: { kind: d.owner_kind, id: d.owner_id },
      requirement: d.requirement,
      validUntil: d.valid_until,
      daysLeft: daysBetween(today, d.valid_until),
      state,
      message: EXPIRY_STATE_LABELS[state],
    })
  }
  // Most urgent first (a stable sort: ties keep the queries' order, the same on both engines).
  return items.sort((a, b) => a.daysLeft - b.daysLeft)
}
