import { validateUscc } from '../validators/uscc'
import type { RuleContext } from './context'
import type { RuleOutcome } from './types'

/**
 * R12: the brand account's subject must be a company; a person cannot apply.
 * A domestic company's USCC with a wrong check character is a warning only.
 */
export function ruleR12CompanyApplicant(ctx: RuleContext): RuleOutcome {
  const applicant = ctx.scenario.applicant
  const outcome: RuleOutcome = { blockers: [], warnings: [] }
  if (applicant.kind === 'person') {
    outcome.blockers?.push({
      rule: 'R12',
      subject: applicant.id,
      message: `R12：品牌账号的注册主体须为企业，自然人“${applicant.name}”不能作为申请主体`,
    })
  }
  if (applicant.region === 'domestic' && applicant.uscc) {
    const result = validateUscc(applicant.uscc)
    if (!result.valid) {
      outcome.warnings?.push({
        rule: 'R12',
        subject: applicant.id,
        message: `R12：申请主体的统一社会信用代码可能有误（${result.reason ?? ''}），请与营业执照核对`,
      })
    }
  }
  return outcome
}
