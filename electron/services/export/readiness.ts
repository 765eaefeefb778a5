import { AppError } from '../../../shared/errors'
import type { Scenario } from '../../../shared/rules/scenario'
import type { Plan } from '../../../shared/rules/types'
import { problems } from './checklist-content'

/** The refusal for a packet that is not ready, naming everything that is missing or blocked. */
export function notReadyError(
  scenario: Scenario,
  plan: Plan,
  accountName: string,
  formProblems: readonly string[],
): AppError {
  const lines = problems(scenario, plan, formProblems).map((line) => `· ${line}`)
  return new AppError(
    'CONFLICT',
    [
      `资质包「${accountName}」尚未满足提交条件，不能正式导出：`,
      ...lines,
      '请补齐或更正以上材料后重试；如只需预览，可导出草稿。',
    ].join('\n'),
  )
}
