import { describe, expect, it } from 'vitest'
import { classifyScan } from '../../../shared/reading/classify'
import { SCAN_KINDS } from '../../../shared/rules/scan-kinds'
import { icaoCheckDigit } from '../../../shared/validators/passport'

/** The classifier (issue 12): one table row per kind, with OCR's scattered spaces. */
const mrzLine2 = (() => {
  const number = 'E12345678'
  const body = `${number}${icaoCheckDigit(number)}CHN8503125M3107117${'<'.repeat(14)}0`
  return `${body}${icaoCheckDigit(body.slice(0, 10) + body.slice(13, 20) + body.slice(21, 43))}`
})()

const PAGES: [string[], (typeof SCAN_KINDS)[number]][] = [
  [
    ['营 业 执 照', '统一社会信用代码 91310000MA1FL8XQ37', '名称 上海青禾文化传媒有限公司'],
    'business_licence',
  ],
  [['中华人民共和国', '居民身份证', '签发机关 北京市公安局'], 'resident_id'],
  [['姓名 张伟', '公民身份号码 11010519491231002X'], 'resident_id'],
  [['P<CHNZHANG<<WEI<<<<<<<<<<<<<<<<<<<<<<<<<<<<<', mrzLine2], 'passport'],
  [['往来港澳通行证', 'EXIT-ENTRY PERMIT'], 'hk_macao_permit'],
  [['台湾居民来往大陆通行证'], 'taiwan_permit'],
  [['商 标 注 册 证', '第 12345678 号'], 'trademark_certificate'],
  [['商标注册申请受理通知书', '申请号 12345678'], 'acceptance_notice'],
  [['转让申请受理通知书', '受让人 上海青禾文化传媒有限公司'], 'transfer_notice'],
  [['核准商标注册人名义变更证明'], 'change_proof'],
  [['核准商标转让证明'], 'transfer_proof'],
  [['核准续展注册证明'], 'renewal_proof'],
  [['ICP备案查询', '沪ICP备12345678号-1'], 'icp_filing'],
  [['计算机软件著作权登记证书', '登记号 2020SR123456'], 'software_copyright'],
  [['一张风景照片'], 'unknown'],
  [[], 'unknown'],
]

describe('classifying a page by what it prints', () => {
  it.each(PAGES)('%j → %s', (lines, kind) => {
    expect(classifyScan(lines)).toBe(kind)
  })

  it('every kind has a page in the table', () => {
    expect(new Set(PAGES.map(([, kind]) => kind))).toEqual(new Set(SCAN_KINDS))
  })
})
