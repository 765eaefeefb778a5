import type { Slot } from '../../../shared/rules/types'
import { truncateText, utf8Bytes } from './byte-budget'
import { MAX_NAME_BYTES } from './safe-names'

/**
 * Folder of each slot, numbered in the order of the platform's form (RULES.md §1). The email pack
 * shares number 3 with 其他资质: it is the same step, done by email for the link documents (R8).
 */
export const SLOT_FOLDERS: Record<Slot, string> = {
  avatar: '1_头像',
  industry: '2_行业资质',
  other: '3_其他资质',
  email: '3_邮件提交',
}

export const CHECKLIST_FILE = '清单.pdf'
export const MANIFEST_FILE = 'manifest.json'

/**
 * `青禾文化_资质包_2026-11-28`; a draft says so in its name: `山岚旗舰店_资质包_草稿_2026-11-28`.
 * A long account name is shortened, never the suffix: a draft never loses its 草稿 label.
 */
export function packetFolderName(accountName: string, asOf: string, draft: boolean): string {
  const suffix = `_资质包${draft ? '_草稿' : ''}_${asOf}`
  // Room for the `_2`…`_999` a taken name gets, within the safe-name budget.
  const room = MAX_NAME_BYTES - utf8Bytes(suffix) - 8
  return `${truncateText(accountName, room)}${suffix}`
}

/** `美妆个护_护肤/彩妆/香水（普通化妆品）`: the safe-name allocator turns the slashes into `_`. */
export function industryFolderName(subject: string): string {
  const [primary = '', ...rest] = subject.split('/')
  return rest.length === 0 ? primary : `${primary}_${rest.join('/')}`
}

export function emailFileName(accountName: string, draft: boolean): string {
  return `${draft ? '草稿_' : ''}资质认证邮件_${accountName}.eml`
}
