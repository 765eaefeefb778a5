import type { RuleContext } from './context'
import { evaluateItem } from './evaluate'
import type { RuleOutcome } from './types'

/** R13: a website needs its ICP filing screenshot; an app its software copyright certificate (colour scan). */
export function ruleR13PromotedSubject(ctx: RuleContext): RuleOutcome {
  const subject = ctx.scenario.account.promotedSubject
  if (subject === 'website') {
    const verdict = evaluateItem(ctx, { id: 'icp_filing_screenshot', subject: '' })
    return {
      requirements: [
        { id: 'icp_filing_screenshot', subject: '', slot: 'other', rule: 'R13', ...verdict },
      ],
    }
  }
  if (subject === 'app') {
    const verdict = evaluateItem(ctx, { id: 'software_copyright_certificate', subject: '' })
    return {
      requirements: [
        {
          id: 'software_copyright_certificate',
          subject: '',
          slot: 'other',
          rule: 'R13',
          ...verdict,
        },
      ],
    }
  }
  return {}
}
