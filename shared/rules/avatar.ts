import type { RuleContext } from './context'
import { ruleR1AvatarFile } from './files'
import type { RuleOutcome } from './types'

/** R1: the account avatar is required; JPG, 1:1, ≤ 1 MB (800×800 recommended). */
export function ruleR1Avatar(ctx: RuleContext): RuleOutcome {
  const avatar = ctx.scenario.account.avatar
  if (!avatar) {
    return {
      requirements: [
        { id: 'avatar', subject: '', slot: 'avatar', rule: 'R1', status: 'missing', reasons: [] },
      ],
    }
  }
  const verdict = ruleR1AvatarFile(avatar)
  return {
    requirements: [
      {
        id: 'avatar',
        subject: '',
        slot: 'avatar',
        rule: 'R1',
        status: verdict.status,
        reasons: verdict.reasons,
      },
    ],
    warnings: verdict.notes.map((message) => ({ rule: 'R1' as const, subject: '', message })),
  }
}
