import { createHash } from 'node:crypto'
import { requirementKey } from '../../../shared/rules/types'
import { newId, now } from '../library/ids'
import type { Executor, LibraryStore } from '../storage/library-store'
import type { PacketPlan } from './plan-for-packet'

/**
 * What a packet's plan was made from and what it says, as one SHA-256: the scenario (every
 * record, document and file the rules saw, without the day it was planned on), the route and
 * each requirement's status. An export records it; the list says 已导出 while it is unchanged.
 */
export function planDigest(planned: Pick<PacketPlan, 'scenario' | 'plan'>): string {
  const body = JSON.stringify({
    scenario: { ...planned.scenario, asOf: null },
    route: planned.plan.route,
    ready: planned.plan.ready,
    requirements: planned.plan.requirements.map(requirementKey),
  })
  return createHash('sha256').update(body).digest('hex')
}

/** Record an export, once its folder is in place (export-packet.ts). */
export async function recordExport(
  store: LibraryStore,
  entry: {
    packetId: string
    folder: string
    route: 'online' | 'email'
    draft: boolean
    digest: string
  },
): Promise<void> {
  await store.db
    .insertInto('packet_exports')
    .values({
      id: newId('ex'),
      packet_id: entry.packetId,
      exported_at: now(),
      folder: entry.folder,
      route: entry.route,
      draft: entry.draft ? 1 : 0,
      plan_digest: entry.digest,
    })
    .execute()
}

export interface PacketActivity {
  /** The latest submission recorded (when it was recorded). */
  submission: { result: 'pending' | 'approved' | 'rejected'; at: string } | null
  /** The latest export that was not a draft. */
  exported: { at: string; digest: string } | null
  /** The latest export of any kind, draft or not. */
  lastExportAt: string | null
}

/** Each packet's latest submission and exports (the work queue's state and 更新时间). */
export async function activityOf(
  db: Executor,
  packetIds: string[],
): Promise<Map<string, PacketActivity>> {
  const out = new Map<string, PacketActivity>(
    packetIds.map((id) => [id, { submission: null, exported: null, lastExportAt: null }]),
  )
  if (packetIds.length === 0) return out
  const submissions = await db
    .selectFrom('submissions')
    .select(['packet_id', 'result', 'submitted_on', 'created_at', 'id'])
    .where('packet_id', 'in', packetIds)
    .orderBy('submitted_on', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute()
  for (const row of submissions) {
    const entry = out.get(row.packet_id)
    if (entry && !entry.submission) entry.submission = { result: row.result, at: row.created_at }
  }
  const exports = await db
    .selectFrom('packet_exports')
    .select(['packet_id', 'exported_at', 'draft', 'plan_digest', 'id'])
    .where('packet_id', 'in', packetIds)
    .orderBy('exported_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
  for (const row of exports) {
    const entry = out.get(row.packet_id)
    if (!entry) continue
    entry.lastExportAt ??= row.exported_at
    if (!entry.exported && row.draft === 0) {
      entry.exported = { at: row.exported_at, digest: row.plan_digest }
    }
  }
  return out
}
