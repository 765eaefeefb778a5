import { findIndustry, industrySubject, type IndustryEntry } from '../industries/catalog'
import type { RuleContext } from './context'
import { evaluateItem } from './evaluate'
import { ruleR2UploadFile } from './files'
import { isColourRequired } from './requirement-derive'
import { bestStatus } from './status'
import type { RuleOutcome, Status, Warning } from './types'

/** Whether the business scope names the industry (one of its catalog keywords occurs in it). */
export function scopeMatches(entry: IndustryEntry, businessScope: string): boolean {
  return entry.scopeKeywords.some((keyword) => businessScope.includes(keyword))
}

/**
 * Status of one industry pair: every required catalog document needs a colour
 * scan. Documents carrying a `name` serve that catalog document; unnamed ones
 * fill the remaining required documents in catalog order.
 */
function industryStatus(
  ctx: RuleContext,
  subject: string,
  required: string[],
): { status: Status; reasons: string[] } {
  if (required.length === 0) return evaluateItem(ctx, { id: 'industry_qualification', subject })
  const documents = ctx.documentsFor('industry_qualification', subject)
  const unnamed = documents.filter((d) => !d.name || !required.includes(d.name))
  const reasons: string[] = []
  const statuses = required.map((name): Status => {
    const named = documents.filter((d) => d.name === name)
    const candidates = named.length > 0 ? named : unnamed.splice(0, 1)
    if (candidates.length === 0) {
      reasons.push(`缺少：${name}`)
      return 'missing'
    }
    const perFile = candidates.map((d) => {
      if (!d.file) return 'missing' as const
      if (d.validUntil != null && d.validUntil < ctx.asOf) {
        reasons.push(`${name}：R14：已于 ${d.validUntil} 过期`)
        return 'invalid' as const
      }
      const verdict = ruleR2UploadFile(d.file, isColourRequired('industry_qualification'))
      reasons.push(...verdict.reasons.map((r) => `${name}：${r}`))
      return verdict.status
    })
    return bestStatus(perFile)
  })
  // The pair is only as good as its worst required document.
  const order: Status[] = ['missing', 'invalid', 'fixable', 'satisfied']
  const status = order.find((s) => statuses.includes(s)) ?? 'satisfied'
  return { status, reasons }
}

/**
 * R3: each 一级/二级 pair needs the catalog's documents as colour scans; the
 * applicant's business scope should contain one of the pair's keywords.
 */
export function ruleR3Industry(ctx: RuleContext): RuleOutcome {
  const industries = ctx.scenario.account.industries
  if (industries.length === 0) {
    return {
      warnings: [
        {
          rule: 'R3',
          subject: '',
          message: 'R3：尚未选择推广行业（第 3 步的一级/二级行业），平台表单要求至少选择一个',
        },
      ],
    }
  }
  const outcome: Required<Pick<RuleOutcome, 'requirements' | 'warnings'>> = {
    requirements: [],
    warnings: [],
  }
  const scope = ctx.scenario.applicant.businessScope ?? ''
  for (const { primary, secondary } of industries) {
    const subject = industrySubject(primary, secondary)
    const entry = findIndustry(ctx.catalog, primary, secondary)
    const required = entry?.documents.filter((d) => d.required).map((d) => d.name) ?? []
    const verdict = industryStatus(ctx, subject, required)
    outcome.requirements.push({
      id: 'industry_qualification',
      subject,
      slot: 'industry',
      rule: 'R3',
      status: verdict.status,
      reasons: verdict.reasons,
      documents: required,
    })
    const warning = (message: string): Warning => ({ rule: 'R3', subject, message })
    if (!entry) {
      outcome.warnings.push(
        warning(`R3：行业目录中没有“${subject}”，无法列出所需资质；请在设置中补充该行业`),
      )
    } else if (!scopeMatches(entry, scope)) {
      outcome.warnings.push(
        warning(
          `R3：经营范围中未找到与“${subject}”相关的表述（如：${entry.scopeKeywords.slice(0, 3).join('、')}），行业须与营业执照经营范围一致`,
        ),
      )
    }
  }
  return outcome
}

/** The subject of the account-level 行业类别 warnings (not an industry pair of Step 3). */
const ACCOUNT_INDUSTRY_SUBJECT = 'account'

/**
 * R3, account level (issue 13 item 15): Step 1's 行业类别 (账号信息, e.g. the help page's own
 * “商务服务 | 设计”) is one 一级/二级 pair for the whole account, separate from Step 3's 推广行业.
 * The help page: “需和主体信息上传资质文件中的经营范围保持一致”. RULES.md has no rule id of its
 * own for it, so it cites R3 and says it is the account-level check. It asks for no documents;
 * it warns when the pair is not in the catalog or the business scope has none of its keywords.
 * A scenario without `accountIndustry` is not checked (the app's form requires it: readiness.ts).
 */
export function ruleR3AccountIndustry(ctx: RuleContext): RuleOutcome {
  const chosen = ctx.scenario.account.accountIndustry
  if (!chosen) return {}
  const subject = industrySubject(chosen.primary, chosen.secondary)
  const warning = (message: string): Warning => ({
    rule: 'R3',
    subject: ACCOUNT_INDUSTRY_SUBJECT,
    message,
  })
  const entry = findIndustry(ctx.catalog, chosen.primary, chosen.secondary)
  if (!entry) {
    return {
      warnings: [
        warning(
          `R3（账号行业类别）：行业目录中没有“${subject}”，无法核对经营范围；请在设置中补充该行业或另选一个`,
        ),
      ],
    }
  }
  if (scopeMatches(entry, ctx.scenario.applicant.businessScope ?? '')) return {}
  return {
    warnings: [
      warning(
        `R3（账号行业类别）：经营范围中未找到与“${subject}”相关的表述（如：${entry.scopeKeywords.slice(0, 3).join('、')}），账号信息的行业类别须与营业执照经营范围一致；涉及多个行业时选其中一个重点行业`,
      ),
    ],
  }
}
