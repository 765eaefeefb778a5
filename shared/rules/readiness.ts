/**
 * RULES.md §4 (v2 clarification): a packet in the app is ready to submit only when its document
 * plan is ready **and** its form is complete. The one definition every view uses.
 */
export interface PacketForm {
  applicantCompanyId: string | null | undefined
  accountName: string
  industries: readonly unknown[]
  /** Step 1's account-level 行业类别 (账号信息; issue 13 item 15), null until chosen. */
  accountIndustry: { primary: string; secondary: string } | null
  hasAvatar: boolean
}

/** What the platform's form still lacks, in Chinese, in the form's order. */
export function packetFormProblems(form: PacketForm): string[] {
  const problems: string[] = []
  if (!form.applicantCompanyId) problems.push('尚未选择申请主体（公司）')
  if (!form.accountIndustry)
    problems.push('尚未选择账号行业类别（账号信息，一级 | 二级），平台表单要求选择一个')
  if (form.accountName.trim() === '') problems.push('尚未填写账号名称')
  if (!form.hasAvatar) problems.push('尚未导入账号头像')
  if (form.industries.length === 0)
    problems.push('尚未选择推广行业（一级/二级），平台表单要求至少一个')
  return problems
}

export function isPacketReady(
  documentPlanReady: boolean,
  formProblems: readonly string[],
): boolean {
  return documentPlanReady && formProblems.length === 0
}
