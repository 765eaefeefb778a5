import type { RuleContext } from './context'
import type { RuleOutcome, Warning } from './types'

/** R4's comparison form: NFKC, case-folded, without whitespace. */
function normalizeMarkText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, '')
}

type NameHit = 'exact' | 'normalized' | 'none'

/** Does the account name contain the mark's characters, literally or only after R4's normalisation? */
function accountNameHit(accountName: string, markText: string): NameHit {
  if (markText.length === 0) return 'none'
  if (accountName.includes(markText)) return 'exact'
  const mark = normalizeMarkText(markText)
  return mark.length > 0 && normalizeMarkText(accountName).includes(mark) ? 'normalized' : 'none'
}

/** R4 for the app: the library's trademarks that an account name hits. */
export function trademarksHitByName<T extends { text: string }>(
  accountName: string,
  marks: readonly T[],
): T[] {
  return marks.filter((mark) => accountNameHit(accountName, mark.text) !== 'none')
}

/**
 * R4: in a scenario every listed trademark is used. The certificate's
 * characters decide the name: a hit that differs in case, width or spacing is a
 * warning, and so is a listed mark the name does not contain at all.
 */
export function ruleR4AccountName(ctx: RuleContext): RuleOutcome {
  const name = ctx.scenario.account.name
  const warnings: Warning[] = []
  for (const tm of ctx.scenario.trademarks) {
    const hit = accountNameHit(name, tm.text)
    if (hit === 'normalized') {
      warnings.push({
        rule: 'R4',
        subject: tm.id,
        message: `R4：账号名称“${name}”与商标注册证上的字符“${tm.text}”在大小写、全半角或空格上不一致；账号名称应按注册证字符填写`,
      })
    } else if (hit === 'none') {
      warnings.push({
        rule: 'R4',
        subject: tm.id,
        message: `R4：账号名称“${name}”不包含商标“${tm.text}”；如未使用该商标，可将其移出资质包`,
      })
    }
  }
  return { warnings }
}
