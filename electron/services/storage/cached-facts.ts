import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from '../../../shared/zod-locale'

/**
 * What the viewer needs to know about a stored file without the server: kept beside the team
 * cache whenever a file is shown online, so the cache still opens it while the server is away
 * (issue 11 item 7) — read-only, and never an ID scan (viewing one is an audited reveal, and
 * the audit log is on the server).
 */
const factsSchema = z
  .object({
    format: z.string().max(20),
    pages: z.number().int().min(1),
    width: z.number().int().min(0),
    height: z.number().int().min(0),
    idScan: z.boolean(),
  })
  .strict()

export type CachedFacts = z.infer<typeof factsSchema>

const fileOf = (cacheDir: string, sha256: string) => join(cacheDir, 'facts', `${sha256}.json`)

export function rememberFacts(cacheDir: string, sha256: string, facts: CachedFacts): void {
  // Once an ID scan, always treated as one offline: a later look that found no person using it
  // must not let it open unaudited (it may be attached again before the cache is asked).
  if (!facts.idScan && cachedFacts(cacheDir, sha256)?.idScan) facts = { ...facts, idScan: true }
  mkdirSync(join(cacheDir, 'facts'), { recursive: true, mode: 0o700 })
  const file = fileOf(cacheDir, sha256)
  const temp = `${file}.${process.pid}.tmp`
  writeFileSync(temp, JSON.stringify(facts), { mode: 0o600 })
  renameSync(temp, file)
}

export function cachedFacts(cacheDir: string, sha256: string): CachedFacts | null {
  const file = fileOf(cacheDir, sha256)
  if (!existsSync(file)) return null
  try {
    const parsed = factsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}
