import type { Database } from 'better-sqlite3'
import {
  industryEntrySchema,
  type IndustryCatalog,
  type IndustryEntry,
} from '../../shared/industries/catalog'
import { audit } from './library/audit'
import { now } from './library/ids'

interface Row {
  primary_name: string
  secondary_name: string
  entry: string | null
  hidden: number
}

const key = (e: { primary: string; secondary: string }) => `${e.primary}\u0000${e.secondary}`

/**
 * The catalog the rules use: the shipped starter catalog with the user's
 * entries laid over it (added, replaced or hidden).
 */
export function mergedCatalog(db: Database, starter: IndustryCatalog): IndustryCatalog {
  const rows = db.prepare('SELECT * FROM user_industries').all() as Row[]
  const hidden = new Set(
    rows
      .filter((r) => r.hidden === 1)
      .map((r) => key({ primary: r.primary_name, secondary: r.secondary_name })),
  )
  const own = new Map<string, IndustryEntry>()
  for (const row of rows) {
    if (row.hidden === 1 || !row.entry) continue
    const parsed = industryEntrySchema.safeParse(JSON.parse(row.entry))
    if (parsed.success) own.set(key(parsed.data), parsed.data)
  }
  const industries = starter.industries
    .filter((e) => !hidden.has(key(e)))
    .map((e) => own.get(key(e)) ?? e)
  for (const [k, entry] of own)
    if (!starter.industries.some((e) => key(e) === k)) industries.push(entry)
  return { ...starter, industries }
}

/** Save the user's version of an entry (confidence becomes 'user'). */
export function saveUserIndustry(db: Database, entry: IndustryEntry): void {
  const value: IndustryEntry = { ...entry, confidence: 'user' }
  db.prepare(
    `INSERT INTO user_industries (primary_name, secondary_name, entry, hidden, updated_at) VALUES (?, ?, ?, 0, ?)
     ON CONFLICT (primary_name, secondary_name) DO UPDATE SET entry = excluded.entry, hidden = 0, updated_at = excluded.updated_at`,
  ).run(entry.primary, entry.secondary, JSON.stringify(value), now())
  audit(db, 'edit', 'industry', `${entry.primary}/${entry.secondary}`)
}

/** Hide an entry, or drop the user's version so the starter one shows again. */
export function removeUserIndustry(
  db: Database,
  primary: string,
  secondary: string,
  hide: boolean,
): void {
  if (hide) {
    db.prepare(
      `INSERT INTO user_industries (primary_name, secondary_name, entry, hidden, updated_at) VALUES (?, ?, NULL, 1, ?)
       ON CONFLICT (primary_name, secondary_name) DO UPDATE SET entry = NULL, hidden = 1, updated_at = excluded.updated_at`,
    ).run(primary, secondary, now())
  } else {
    db.prepare('DELETE FROM user_industries WHERE primary_name = ? AND secondary_name = ?').run(
      primary,
      secondary,
    )
  }
  audit(db, 'delete', 'industry', `${primary}/${secondary}`)
}

/** Entries the user changed, so the UI can offer "restore the starter version". */
export function userIndustryKeys(
  db: Database,
): { primary: string; secondary: string; hidden: boolean }[] {
  return (
    db.prepare('SELECT primary_name, secondary_name, hidden FROM user_industries').all() as Row[]
  ).map((r) => ({
    primary: r.primary_name,
    secondary: r.secondary_name,
    hidden: r.hidden === 1,
  }))
}
