/**
 * The CTMO's trademark query site (商标局 中国商标网 · 商标查询). The help page links the
 * 国家商标局网站 without giving the address (its links are blank); this is the office's public
 * query site, also on the window's external allow-list (electron/window.ts). The one address the
 * app opens for a trademark look-up (issue 13 item 16): nothing else can be passed in.
 */
export const TRADEMARK_OFFICE_SEARCH_URL = 'https://wcjs.sbj.cnipa.gov.cn/'

/**
 * 设置 → 邮件提交收件地址 (issue 13 item 17): the help page gives no address for the email route
 * (R8), so none is built in. Empty clears it. A plain address only: no display name, no list.
 */
export function emailRecipientProblem(value: string): string | null {
  const address = value.trim()
  if (address === '') return null
  if (address.length > 254) return '邮箱地址过长（最多 254 个字符）'
  // local@domain.tld: no spaces, one @, a dot in the domain, no angle brackets or commas.
  if (!/^[^\s@<>,;"()[\]\\]+@[^\s@<>,;"()[\]\\]+\.[^\s@<>,;"()[\]\\]{2,}$/u.test(address)) {
    return `“${address}”不是有效的邮箱地址（应为 name@example.com 的形式）`
  }
  return null
}
