import type { Handlers } from '../../../shared/contract'
import type { PacketListItem } from '../../../shared/library/schemas'
import { trademarksHitByName } from '../../../shared/rules/account-name'
import { packetState } from '../../../shared/rules/packet-state'
import { listTrademarks } from '../library/trademarks'
import { avatarPreview } from '../packets/avatar-preview'
import { planForPacket } from '../packets/plan-for-packet'
import { requirementTarget } from '../packets/requirement-target'
import { activityOf, planDigest } from '../packets/exports'
import {
  duplicatePacket,
  getPacket,
  listPackets,
  savePacket,
  setPacketArchived,
} from '../packets/packets'
import { buildScenario } from '../packets/scenario'
import { listSubmissions, recordSubmission } from '../packets/submissions'
import { loadStarterCatalog } from '../industries'
import { removeUserIndustry, saveUserIndustry, userIndustryKeys } from '../industries-user'
import type { BackendContext } from './context'

type PacketMethods =
  | 'industries.catalog'
  | 'industries.save'
  | 'industries.remove'
  | 'industries.userEdits'
  | 'packets.list'
  | 'packets.save'
  | 'packets.plan'
  | 'packets.requirementTarget'
  | 'packets.trademarkHits'
  | 'packets.recordSubmission'
  | 'packets.submissions'
  | 'packets.duplicate'
  | 'packets.archive'
  | 'packets.avatarPreview'

export function packetHandlers(ctx: BackendContext): Pick<Handlers, PacketMethods> {
  const { library } = ctx
  const db = library.db
  return {
    'industries.catalog': () => ctx.catalog(),
    'industries.save': async (entry) => {
      await saveUserIndustry(library, entry)
      return ctx.catalog()
    },
    'industries.remove': async ({ primary, secondary, hide }) => {
      await removeUserIndustry(library, primary, secondary, hide)
      return ctx.catalog()
    },
    'industries.userEdits': async () => {
      const starter = loadStarterCatalog(ctx.resources).industries
      return (await userIndustryKeys(db)).map((k) => ({
        ...k,
        starter: starter.some((e) => e.primary === k.primary && e.secondary === k.secondary),
      }))
    },
    // Each packet with its place in the work queue (shared/rules/packet-state.ts), from the one
    // definition of ready (planForPacket), its latest submission and its latest export.
    'packets.list': async () => {
      const asOf = ctx.today()
      const packets = await listPackets(db)
      const activity = await activityOf(
        db,
        packets.map((p) => p.id),
      )
      const items: PacketListItem[] = []
      for (const packet of packets) {
        const seen = activity.get(packet.id)
        const changedAt = [packet.updatedAt, seen?.submission?.at, seen?.lastExportAt]
          .filter((t): t is string => typeof t === 'string')
          .sort()
          .pop()
        const history = {
          latestSubmission: seen?.submission ?? null,
          latestExport: seen?.exported ?? null,
          asOf,
        }
        // One packet that cannot be planned must not hide the others: it shows as not ready.
        try {
          const planned = await planForPacket(ctx, packet.id, asOf)
          const { plan, formProblems } = planned
          const state = packetState({
            ...history,
            plan,
            formProblems,
            waitingSignatures: planned.waitingSignatures,
            digest: planDigest(planned),
          })
          items.push({
            ...packet,
            ready: plan.ready,
            route: plan.route,
            formProblems,
            state,
            changedAt: changedAt ?? packet.updatedAt,
          })
        } catch {
          const formProblems = ['无法计算此资质包的材料清单（申请主体或相关记录可能已被删除）']
          const plan = { ready: false, route: 'online' as const, requirements: [], blockers: [] }
          const state = packetState({
            ...history,
            plan,
            formProblems,
            waitingSignatures: 0,
            digest: '',
          })
          items.push({
            ...packet,
            ready: false,
            route: 'online',
            formProblems,
            state,
            changedAt: changedAt ?? packet.updatedAt,
          })
        }
      }
      return items
    },
    'packets.duplicate': ({ id, accountName }) => duplicatePacket(library, id, accountName),
    'packets.archive': ({ id, archived }) => setPacketArchived(library, id, archived),
    'packets.save': (input) => savePacket(library, input),
    'packets.plan': async ({ id }) => {
      const { plan, asOf, formProblems } = await planForPacket(ctx, id, ctx.today())
      return { plan, asOf, formProblems }
    },
    'packets.requirementTarget': async (input) =>
      requirementTarget(library, {
        ...input,
        plan: (await planForPacket(ctx, input.packetId, ctx.today())).plan,
      }),
    // R4: the library's trademarks the account name hits, offered for adding.
    'packets.trademarkHits': async ({ accountName }) =>
      accountName.trim() ? trademarksHitByName(accountName, await listTrademarks(db)) : [],
    'packets.recordSubmission': async (input) => {
      await getPacket(db, input.packetId)
      const scenario = await buildScenario(db, input.packetId, ctx.today())
      await recordSubmission(library, input, scenario)
      return listSubmissions(db, input.packetId, scenario)
    },
    'packets.avatarPreview': ({ packetId, avatarFit }) =>
      avatarPreview(ctx, packetId, avatarFit, ctx.today()),
    'packets.submissions': async ({ id }) =>
      listSubmissions(db, id, await buildScenario(db, id, ctx.today())),
  }
}
