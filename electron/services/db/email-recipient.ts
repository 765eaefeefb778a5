import type { Database } from 'better-sqlite3'
import { emailRecipientProblem } from '../../../shared/platform/links'

/**
 * 设置 → 邮件提交收件地址 (issue 13 item 17), kept in this machine's settings like the language.
 * The platform's help page gives no address: none is built in, null until the clerk sets one.
 */
const KEY = 'emailRecipient'

export function getEmailRecipient(db: Database): string | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as
    { value: string } | undefined
  const address = row?.value.trim() ?? ''
  // A value that no longer passes (edited by hand) is not used.
  return address === '' || emailRecipientProblem(address) ? null : address
}

/** Empty clears it. The contract has validated the address. */
export function setEmailRecipient(db: Database, address: string): void {
  const value = address.trim()
  if (value === '') {
    db.prepare('DELETE FROM settings WHERE key = ?').run(KEY)
    return
  }
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(KEY, value)
}
