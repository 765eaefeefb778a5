import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openBackend } from '../../../electron/services/backend'
import { loadDemo } from '../../../electron/services/demo/demo'
import { runTeamDoctor } from '../../../electron/services/team/doctor'
import { teamInit } from '../../../electron/services/team/init'
import { addClerk } from '../../../electron/services/team/roles'
import { connectTeam } from '../../../electron/services/team/connect'
import { freshDatabase, uniqueClerk, urlFor, withClient } from '../../helpers/team'
import { tempDir } from '../../helpers/temp'

/**
 * Eight clerks at once on one team library (issue 11, "Must show"): eight processes, each its
 * own PostgreSQL role and data folder, for a bounded time doing a realistic mix — create,
 * edit one row they all share, import scans (some the same bytes), plan and export the same
 * packet. Afterwards every acknowledged row is there, the shared row's version counts every
 * acknowledged edit (no lost update), each clerk's audit entries match what they did, every
 * stored file hashes to its name, and doctor says ok.
 */
const CLERKS = 8
const SECONDS = 20
const CHILD = join(__dirname, 'clerk-child.cjs')
const temp = tempDir('packetdesk-clerks-')
afterAll(() => temp.cleanup())

interface Line {
  op: 'company' | 'edit' | 'stale' | 'import' | 'plan' | 'export' | 'letter' | 'done' | 'error'
  id?: string
  sha?: string
  folder?: string
  message?: string
}

let url = ''
let sharedId = ''
let packetId = ''
let letterPacketId = ''
const clerks: { name: string; url: string }[] = []

beforeAll(async () => {
  url = await freshDatabase('clerks')
  await teamInit(url)
  const admin = await openBackend({ dataDir: join(temp.dir, 'admin'), databaseUrl: url })
  try {
    const summary = await loadDemo(admin, '2026-11-28')
    packetId = summary.packets.find((p) => p.accountName === '青禾文化')?.id ?? ''
    // 禾木生活 needs one letter (张伟's authorization).
    letterPacketId = summary.packets.find((p) => p.accountName === '禾木生活')?.id ?? ''
    sharedId = (await admin.handlers['companies.save']({ name: '共享公司', region: 'domestic' })).id
  } finally {
    admin.close()
    await admin.context.library.close()
  }
  const client = await connectTeam(url)
  try {
    for (let i = 0; i < CLERKS; i++) {
      const { name, password } = await addClerk(client, uniqueClerk())
      clerks.push({
        name,
        url: urlFor({ database: new URL(url).pathname.slice(1), user: name, password }),
      })
    }
  } finally {
    await client.end()
  }
}, 120_000)

function runClerk(clerkUrl: string, seed: number): Promise<{ code: number | null; lines: Line[] }> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [
        CHILD,
        clerkUrl,
        join(temp.dir, `clerk-${seed}`),
        sharedId,
        packetId,
        String(SECONDS),
        String(seed),
        letterPacketId,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.stderr.resume()
    child.on('exit', (code) =>
      resolve({
        code,
        lines: out
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as Line),
      }),
    )
  })
}

describe('eight clerks at once on one team library', () => {
  it('nothing acknowledged is lost or duplicated; versions, audit and blobs add up; doctor ok', async () => {
    const runs = await Promise.all(clerks.map((clerk, i) => runClerk(clerk.url, i + 1)))
    for (const run of runs) {
      expect(run.lines.filter((l) => l.op === 'error')).toEqual([])
      expect(run.code).toBe(0)
      expect(run.lines.at(-1)?.op).toBe('done')
    }
    const ops = (run: (typeof runs)[number], op: Line['op']) => run.lines.filter((l) => l.op === op)
    const all = (op: Line['op']) => runs.flatMap((run) => ops(run, op))
    // A realistic mix really ran, in every clerk.
    for (const run of runs) {
      for (const op of ['company', 'import', 'plan', 'export', 'letter'] as const) {
        expect(ops(run, op).length, op).toBeGreaterThan(0)
      }
    }
    await withClient(url, async (db) => {
      const count = async (sql: string, params: unknown[] = []) =>
        Number((await db.query<{ n: string }>(sql, params)).rows[0]?.n)
      // Every acknowledged company and document is there, once.
      const companies = all('company').map((l) => l.id)
      expect(
        await count('SELECT count(*) AS n FROM companies WHERE id = ANY($1)', [companies]),
      ).toBe(companies.length)
      for (const doc of all('import')) {
        const row = await db.query<{ file_sha256: string }>(
          'SELECT file_sha256 FROM documents WHERE id = $1',
          [doc.id],
        )
        expect(row.rows).toEqual([{ file_sha256: doc.sha }])
      }
      // Every acknowledged letter is recorded with its PDF stored.
      const letters = all('letter')
      expect(
        await count(
          'SELECT count(*) AS n FROM letters l JOIN blobs b ON b.sha256 = l.pdf_sha256 WHERE l.id = ANY($1)',
          [letters.map((l) => l.id)],
        ),
      ).toBe(letters.length)
      // The same bytes imported by every clerk are one blob.
      const shas = new Set(all('import').map((l) => l.sha))
      expect(
        await count('SELECT count(*) AS n FROM blobs WHERE sha256 = ANY($1)', [[...shas]]),
      ).toBe(shas.size)
      // No lost update: the shared row went up one version per acknowledged edit.
      const edits = all('edit').length
      expect(edits).toBeGreaterThan(0)
      const shared = await db.query<{ version: number; notes: string }>(
        'SELECT version, notes FROM companies WHERE id = $1',
        [sharedId],
      )
      expect(shared.rows[0]).toEqual({ version: 1 + edits, notes: String(edits) })
      // Each clerk's audit entries are exactly what it was told succeeded.
      for (const [i, clerk] of clerks.entries()) {
        const run = runs[i]
        if (!run) continue
        const audited = async (action: string, kind: string) =>
          count(
            'SELECT count(*) AS n FROM audit_log WHERE actor = $1 AND action = $2 AND entity_kind = $3',
            [clerk.name, action, kind],
          )
        expect(await audited('create', 'company')).toBe(ops(run, 'company').length)
        expect(await audited('edit', 'company')).toBe(ops(run, 'edit').length)
        expect(await audited('import', 'document')).toBe(ops(run, 'import').length)
        expect(await audited('export', 'packet')).toBe(ops(run, 'export').length)
        expect(await audited('create', 'letter')).toBe(ops(run, 'letter').length)
      }
    })
    // Exports of the same packet at once all succeeded, each a complete folder.
    for (const exported of all('export')) {
      expect(existsSync(join(exported.folder ?? '', 'manifest.json'))).toBe(true)
    }
    const doctor = await runTeamDoctor(url)
    expect(doctor).toMatchObject({
      ok: true,
      filesMissing: 0,
      filesCorrupt: 0,
      danglingReferences: 0,
    })
  }, 240_000)
})
