import type { Database } from 'better-sqlite3'
import { languageSchema, type Language } from '../../../shared/contract'

const DEFAULT_LANGUAGE: Language = 'zh-CN'

export function getLanguage(db: Database): Language {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get('language') as
    { value: string } | undefined
  const parsed = languageSchema.safeParse(row?.value)
  return parsed.success ? parsed.data : DEFAULT_LANGUAGE
}

export function setLanguage(db: Database, language: Language): void {
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run('language', language)
}

/** The folder the last export went to (issue 13 item 20): this machine's, even on a team library. */
export function getExportDir(db: Database): string | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get('exportDir') as
    { value: string } | undefined
  return row?.value ?? null
}

export function setExportDir(db: Database, dir: string): void {
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run('exportDir', dir)
}
