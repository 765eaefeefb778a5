import type { RequirementId, Status } from './types'

/** What each requirement is called in the UI and in file names (RULES.md §3). */
export const REQUIREMENT_LABELS: Record<RequirementId, { zh: string; en: string }> = {
  avatar: { zh: '账号头像', en: 'Account avatar' },
  industry_qualification: { zh: '行业资质', en: 'Industry qualification' },
  trademark_certificate: { zh: '商标注册证', en: 'Trademark certificate' },
  trademark_acceptance_notice: {
    zh: '商标注册申请受理通知书',
    en: 'Application acceptance notice',
  },
  trademark_transfer_notice: { zh: '商标转让申请受理通知书', en: 'Transfer acceptance notice' },
  trademark_change_proof: { zh: '核准变更证明', en: 'Approved change proof' },
  trademark_transfer_proof: { zh: '核准转让证明', en: 'Approved transfer proof' },
  trademark_renewal_proof: { zh: '核准续展证明', en: 'Approved renewal proof' },
  authorization_letter: { zh: '授权书', en: 'Authorization letter' },
  parent_subsidiary_proof: { zh: '母子公司关系证明', en: 'Parent–subsidiary proof' },
  general_agency_authorization: { zh: '总代授权书', en: 'General agency authorization' },
  registrant_id_copy: { zh: '注册人身份证/护照复印件（签字）', en: 'Signed ID/passport copy' },
  icp_filing_screenshot: { zh: '工信部备案截图', en: 'ICP filing screenshot' },
  software_copyright_certificate: {
    zh: '软件著作权登记证书',
    en: 'Software copyright certificate',
  },
}

export const STATUS_LABELS: Record<Status, { zh: string; en: string; color: string }> = {
  satisfied: { zh: '已满足', en: 'Satisfied', color: 'green' },
  fixable: { zh: '导出时自动处理', en: 'Fixed on export', color: 'blue' },
  missing: { zh: '缺少', en: 'Missing', color: 'orange' },
  invalid: { zh: '不可用', en: 'Invalid', color: 'red' },
}

export function requirementLabel(id: string, language: 'zh-CN' | 'en' = 'zh-CN'): string {
  const label = (REQUIREMENT_LABELS as Record<string, { zh: string; en: string } | undefined>)[id]
  if (!label) return id
  return language === 'en' ? label.en : label.zh
}
