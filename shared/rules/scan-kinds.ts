import type { Bilingual } from '../i18n/labels'

/**
 * The kinds of paper a scan can be recognised as (RULES.md §4b; the scan-reading issue's
 * classifier). `unknown` means "not recognised", never "wrong".
 */
export const SCAN_KINDS = [
  'business_licence',
  'resident_id',
  'passport',
  'hk_macao_permit',
  'taiwan_permit',
  'trademark_certificate',
  'acceptance_notice',
  'transfer_notice',
  'change_proof',
  'transfer_proof',
  'renewal_proof',
  'icp_filing',
  'software_copyright',
  'unknown',
] as const
export type ScanKind = (typeof SCAN_KINDS)[number]

/** What a scan of each kind looks like, for R18's reason ("扫描件看起来是…"). */
export const SCAN_KIND_LABELS: Record<ScanKind, Bilingual> = {
  business_licence: { zh: '营业执照', en: 'business licence' },
  resident_id: { zh: '居民身份证', en: 'resident ID card' },
  passport: { zh: '护照', en: 'passport' },
  hk_macao_permit: { zh: '港澳居民来往内地通行证', en: 'Hong Kong/Macao permit' },
  taiwan_permit: { zh: '台湾居民来往大陆通行证', en: 'Taiwan permit' },
  trademark_certificate: { zh: '商标注册证', en: 'trademark certificate' },
  acceptance_notice: { zh: '商标注册申请受理通知书', en: 'application acceptance notice' },
  transfer_notice: { zh: '商标转让申请受理通知书', en: 'transfer acceptance notice' },
  change_proof: { zh: '核准变更证明', en: 'approved change proof' },
  transfer_proof: { zh: '核准转让证明', en: 'approved transfer proof' },
  renewal_proof: { zh: '核准续展证明', en: 'approved renewal proof' },
  icp_filing: { zh: '工信部备案截图', en: 'ICP filing' },
  software_copyright: { zh: '软件著作权登记证书', en: 'software copyright certificate' },
  unknown: { zh: '未识别的文件', en: 'unrecognised paper' },
}
