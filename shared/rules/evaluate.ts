import type { RuleContext } from './context'
import { ruleR2UploadFile } from './files'
import { isColourRequired } from './requirement-derive'
import { readMismatch, ruleR18WrongKind } from './scan-checks'
import type { Relation } from './scenario'
import { bestStatus } from './status'
import type { RequirementRef, Status } from './types'

export interface ItemVerdict {
  status: Status
  reasons: string[]
}

export interface EvaluateOptions {
  /** The declared relation this item proves (R14: expired → invalid even with no file). */
  relation?: Relation | undefined
  /** Data the document needs is wrong (R11: no valid ID number): invalid whatever the file. */
  dataProblem?: string | null
}

/** R14: a valid-until before the as-of date satisfies nothing. */
export function ruleR14Validity(
  validUntil: string | null | undefined,
  asOf: string,
): string | null {
  if (validUntil == null || validUntil >= asOf) return null
  return `R14：已于 ${validUntil} 过期，不能使用`
}

/** The status of one required document from the files attached to it. */
export function evaluateItem(
  ctx: RuleContext,
  ref: RequirementRef,
  options: EvaluateOptions = {},
): ItemVerdict {
  const relationExpired = ruleR14Validity(options.relation?.validUntil, ctx.asOf)
  if (relationExpired) return { status: 'invalid', reasons: [`关系${relationExpired}`] }
  if (options.dataProblem) return { status: 'invalid', reasons: [options.dataProblem] }
  const documents = ctx.documentsFor(ref.id, ref.subject)
  if (documents.length === 0) return { status: 'missing', reasons: [] }
  const verdicts = documents.map((document): ItemVerdict => {
    const expired = ruleR14Validity(document.validUntil, ctx.asOf)
    if (expired) return { status: 'invalid', reasons: [`文件${expired}`] }
    // A document recorded without its file facts has nothing to upload yet.
    if (!document.file) return { status: 'missing', reasons: ['已登记但尚未导入文件'] }
    const read = document.file.read
    if (read) {
      // R18 first: a paper of the wrong kind is judged by that alone (RULES.md §4b).
      const problem = ruleR18WrongKind(ref.id, read) ?? readMismatch(ctx, ref, read)
      if (problem) return { status: 'invalid', reasons: [problem] }
    }
    const verdict = ruleR2UploadFile(document.file, isColourRequired(ref.id))
    return { status: verdict.status, reasons: verdict.reasons }
  })
  const status = bestStatus(verdicts.map((v) => v.status))
  const chosen = verdicts.find((v) => v.status === status)
  return { status, reasons: chosen?.reasons ?? [] }
}
