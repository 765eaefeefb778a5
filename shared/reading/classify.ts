import type { ScanKind } from '../rules/scan-kinds'
import { hasMrz } from './mrz'
import { compact } from './text'

/**
 * Which paper a page is (issue 12), from its OCR lines: the titles and labels each kind prints,
 * most specific first (a transfer notice is also a 受理通知书; a 核准转让证明 also says 转让).
 * `unknown` means "not recognised", never "wrong".
 */
const RULES: readonly [ScanKind, (text: string, lines: readonly string[]) => boolean][] = [
  ['passport', (text, lines) => hasMrz(lines) || /护照.*PASSPORT|PASSPORT.*护照/su.test(text)],
  ['hk_macao_permit', (text) => /港澳居民来往内地通行证|往来港澳通行证/u.test(text)],
  ['taiwan_permit', (text) => /台湾居民来往大陆通行证/u.test(text)],
  ['resident_id', (text) => /居民身份证|公民身份号码/u.test(text)],
  ['business_licence', (text) => /营业执照/u.test(text) && /统一社会信用代码|注册号/u.test(text)],
  ['transfer_notice', (text) => /转让.*受理通知书|受理通知书.*转让/su.test(text)],
  ['acceptance_notice', (text) => /注册申请受理通知书|受理通知书/u.test(text)],
  ['change_proof', (text) => /核准.{0,12}变更.{0,6}证明/u.test(text)],
  ['transfer_proof', (text) => /核准.{0,12}转让.{0,6}证明/u.test(text)],
  ['renewal_proof', (text) => /核准.{0,12}续展.{0,6}证明/u.test(text)],
  ['trademark_certificate', (text) => /商标注册证/u.test(text)],
  ['software_copyright', (text) => /计算机软件著作权登记证书/u.test(text)],
  ['icp_filing', (text) => /ICP备\d+号|ICP备案/iu.test(text)],
]

export function classifyScan(lines: readonly string[]): ScanKind {
  const text = lines.map(compact).join('\n')
  for (const [kind, matches] of RULES) if (matches(text, lines)) return kind
  return 'unknown'
}
